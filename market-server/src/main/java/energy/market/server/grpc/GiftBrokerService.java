package energy.market.server.grpc;

import energy.market.api.v1.ClaimRequest;
import energy.market.api.v1.ClaimResponse;
import energy.market.api.v1.GiftBrokerGrpc;
import energy.market.api.v1.OfferRequest;
import energy.market.api.v1.OfferResponse;
import energy.market.server.engine.MarketEngine;
import io.grpc.stub.StreamObserver;

/**
 * {@code energy.market.v1.GiftBroker}: unary offers and claims; the results reach the home on its
 * session when GIFT closes.
 */
public final class GiftBrokerService extends GiftBrokerGrpc.GiftBrokerImplBase {
  private final MarketEngine engine;

  public GiftBrokerService(MarketEngine engine) {
    this.engine = engine;
  }

  @Override
  public void offer(OfferRequest request, StreamObserver<OfferResponse> observer) {
    Replies.unary(
        observer,
        () ->
            engine.offer(
                CallerInterceptor.caller(),
                request.getHomeId(),
                request.getDay(),
                request.getAmountWh()),
        total -> OfferResponse.newBuilder().setOfferedWh(total).build());
  }

  @Override
  public void claim(ClaimRequest request, StreamObserver<ClaimResponse> observer) {
    Replies.unary(
        observer,
        () ->
            engine.claim(
                CallerInterceptor.caller(),
                request.getHomeId(),
                request.getDay(),
                request.getAmountWh()),
        total -> ClaimResponse.newBuilder().setClaimedWh(total).build());
  }
}

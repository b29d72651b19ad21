package energy.market.server.grpc;

import energy.market.api.v1.DeclareDayRequest;
import energy.market.api.v1.DeclareDayResponse;
import energy.market.api.v1.FinishPhaseRequest;
import energy.market.api.v1.FinishPhaseResponse;
import energy.market.api.v1.FollowSessionRequest;
import energy.market.api.v1.GetAccountRequest;
import energy.market.api.v1.GetMarketStateRequest;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.MarketState;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.RegisterRequest;
import energy.market.api.v1.RegisterResponse;
import energy.market.api.v1.ReportWeatherRequest;
import energy.market.api.v1.ReportWeatherResponse;
import energy.market.api.v1.SessionEvent;
import energy.market.api.v1.SessionRequest;
import energy.market.api.v1.StreamPricesRequest;
import energy.market.api.v1.TradeReceipt;
import energy.market.api.v1.TradeRequest;
import energy.market.client.ContractEnums;
import energy.market.server.engine.MarketEngine;
import io.grpc.stub.StreamObserver;

/** {@code energy.market.v1.Market}: adapts each call to the engine. */
public final class MarketService extends MarketGrpc.MarketImplBase {
  private final MarketEngine engine;

  public MarketService(MarketEngine engine) {
    this.engine = engine;
  }

  @Override
  public void register(RegisterRequest request, StreamObserver<RegisterResponse> observer) {
    try {
      Replies.reply(
          observer,
          engine.register(
              request.getName(),
              ContractEnums.policy(request.getPolicy()),
              request.getSessionToken()),
          registration ->
              RegisterResponse.newBuilder()
                  .setHomeId(registration.home().id())
                  .setSessionToken(registration.token())
                  .setFirstDay(engine.nextJoinDay())
                  .setResumed(registration.resumed())
                  .build());
    } catch (RuntimeException e) {
      observer.onError(GrpcErrors.toStatus(e));
    }
  }

  @Override
  public StreamObserver<SessionRequest> connect(StreamObserver<SessionEvent> observer) {
    return new SessionStream(engine, observer);
  }

  @Override
  public void followSession(FollowSessionRequest request, StreamObserver<SessionEvent> observer) {
    new SessionStream(engine, observer).follow(request.getHome(), "follow-session");
  }

  @Override
  public void declareDay(DeclareDayRequest request, StreamObserver<DeclareDayResponse> observer) {
    Replies.reply(
        observer,
        engine.declareDay(
            request.getHome().getHomeId(),
            request.getHome().getSessionToken(),
            request.getDay(),
            request.getProducedWh(),
            request.getConsumedWh()),
        net -> DeclareDayResponse.newBuilder().setNetWh(net).build());
  }

  @Override
  public void finishPhase(
      FinishPhaseRequest request, StreamObserver<FinishPhaseResponse> observer) {
    try {
      Replies.reply(
          observer,
          engine.finishPhase(
              request.getHome().getHomeId(),
              request.getHome().getSessionToken(),
              request.getDay(),
              ContractEnums.phase(request.getPhase())),
          done -> FinishPhaseResponse.getDefaultInstance());
    } catch (RuntimeException e) {
      observer.onError(GrpcErrors.toStatus(e));
    }
  }

  @Override
  public void trade(TradeRequest request, StreamObserver<TradeReceipt> observer) {
    try {
      Replies.reply(
          observer,
          engine.trade(
              request.getHome().getHomeId(),
              request.getHome().getSessionToken(),
              request.getDay(),
              ContractEnums.side(request.getSide()),
              request.getAmountWh(),
              request.getRequestId()),
          ProtoMapper::receipt);
    } catch (RuntimeException e) {
      observer.onError(GrpcErrors.toStatus(e));
    }
  }

  @Override
  public void streamPrices(StreamPricesRequest request, StreamObserver<PriceTick> observer) {
    try {
      long last = engine.ticks().latest() == null ? 0 : engine.ticks().latest().day();
      if (request.getFromDay() > last + 1) {
        throw new IllegalArgumentException(
            "from_day "
                + request.getFromDay()
                + " is after the next close (day "
                + (last + 1)
                + "); use 0 for live only, or 1.."
                + (last + 1));
      }
      FeedStreams.serve(engine.ticks(), request.getFromDay(), observer, ProtoMapper::tick);
    } catch (RuntimeException e) {
      observer.onError(GrpcErrors.toStatus(e));
    }
  }

  @Override
  public void getAccount(
      GetAccountRequest request, StreamObserver<energy.market.api.v1.Account> observer) {
    Replies.now(
        observer,
        () -> {
          if (request.getHomeId() == 0 && request.getName().isEmpty()) {
            throw new IllegalArgumentException("give a home_id or a name");
          }
          return ProtoMapper.account(engine.account(request.getHomeId(), request.getName()));
        });
  }

  @Override
  public void getMarketState(GetMarketStateRequest request, StreamObserver<MarketState> observer) {
    Replies.now(observer, () -> ProtoMapper.state(engine.snapshot()));
  }

  @Override
  public void reportWeather(
      ReportWeatherRequest request, StreamObserver<ReportWeatherResponse> observer) {
    Replies.reply(
        observer,
        engine.reportWeather(
            request.getOperatorToken(), request.getDay(), request.getTemperatureCelsius()),
        applied -> ReportWeatherResponse.newBuilder().setApplied(applied).build());
  }
}

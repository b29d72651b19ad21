package energy.market.server.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import energy.market.api.v1.Account;
import energy.market.api.v1.ClaimRequest;
import energy.market.api.v1.DeclareDayRequest;
import energy.market.api.v1.FinishPhaseRequest;
import energy.market.api.v1.GetAccountRequest;
import energy.market.api.v1.GiftBrokerGrpc;
import energy.market.api.v1.GiftResults;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.OfferRequest;
import energy.market.api.v1.Phase;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.RegisterResponse;
import energy.market.api.v1.TradePolicy;
import energy.market.api.v1.TradeRequest;
import energy.market.api.v1.TradeSide;
import energy.market.client.MarketCredentials;
import energy.market.server.TestMarket;
import energy.market.server.TestSession;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The gift broker over gRPC, as homes that speak only unary calls use it: offers and claims during
 * GIFT, results on each home's session when GIFT closes, partial fills, and what becomes of
 * unclaimed gifts under each policy.
 */
class GiftBrokerServiceTest {

  /**
   * A home following its session, acting through unary calls, with a secret of its own (so that one
   * agent's credentials do not speak for another).
   */
  private record Agent(
      TestMarket market, long homeId, MarketCredentials credentials, TestSession session) {
    static Agent join(TestMarket market, String name, TradePolicy policy) throws Exception {
      String secret = "secret-of-agent-" + name;
      RegisterResponse registered = market.register(name, policy, secret);
      TestSession session = TestSession.follow(market.channel, registered.getHomeId(), secret);
      session.await(event -> event.hasWelcome());
      return new Agent(market, registered.getHomeId(), MarketCredentials.home(secret), session);
    }

    MarketGrpc.MarketBlockingStub calls() {
      return market.market().withCallCredentials(credentials);
    }

    void declare(long produced, long consumed) {
      calls()
          .declareDay(
              DeclareDayRequest.newBuilder()
                  .setHomeId(homeId)
                  .setDay(1)
                  .setProducedWh(produced)
                  .setConsumedWh(consumed)
                  .build());
    }

    GiftBrokerGrpc.GiftBrokerBlockingStub broker() {
      return GiftBrokerGrpc.newBlockingStub(market.channel)
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .withCallCredentials(credentials);
    }

    void finish(Phase phase) {
      calls()
          .finishPhase(
              FinishPhaseRequest.newBuilder().setHomeId(homeId).setDay(1).setPhase(phase).build());
    }

    GiftResults results() throws InterruptedException {
      return session.await(event -> event.hasGiftResults()).getGiftResults();
    }

    Account account() {
      return calls().getAccount(GetAccountRequest.newBuilder().setHomeId(homeId).build());
    }
  }

  @Test
  void claimsAreFilledPartiallyAndUnclaimedGiftsAreWastedOrSoldByPolicy() throws Exception {
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(10), 1)) {
      Agent giver = Agent.join(market, "giver", TradePolicy.TRADE_POLICY_ALWAYS_GIVE);
      Agent seller = Agent.join(market, "seller", TradePolicy.TRADE_POLICY_SELL_IF_NO_TAKERS);
      Agent taker = Agent.join(market, "taker", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
      market.startClock();
      taker.session().awaitPhase(Phase.PHASE_GIFT);

      giver.declare(30_000, 10_000);
      assertEquals(
          20_000,
          giver
              .broker()
              .offer(
                  OfferRequest.newBuilder()
                      .setHomeId(giver.homeId())
                      .setDay(1)
                      .setAmountWh(20_000)
                      .build())
              .getOfferedWh());
      seller.declare(25_000, 5_000);
      seller
          .broker()
          .offer(
              OfferRequest.newBuilder()
                  .setHomeId(seller.homeId())
                  .setDay(1)
                  .setAmountWh(20_000)
                  .build());
      taker.declare(0, 30_000);
      taker
          .broker()
          .claim(
              ClaimRequest.newBuilder()
                  .setHomeId(taker.homeId())
                  .setDay(1)
                  .setAmountWh(30_000)
                  .build());
      StatusRuntimeException tooMuch =
          assertThrows(
              StatusRuntimeException.class,
              () ->
                  taker
                      .broker()
                      .claim(
                          ClaimRequest.newBuilder()
                              .setHomeId(taker.homeId())
                              .setDay(1)
                              .setAmountWh(1)
                              .build()));
      assertEquals(Status.Code.INVALID_ARGUMENT, tooMuch.getStatus().getCode());
      StatusRuntimeException notItsOwn =
          assertThrows(
              StatusRuntimeException.class,
              () ->
                  taker
                      .broker()
                      .offer(
                          OfferRequest.newBuilder()
                              .setHomeId(giver.homeId())
                              .setDay(1)
                              .setAmountWh(1)
                              .build()));
      assertEquals(Status.Code.PERMISSION_DENIED, notItsOwn.getStatus().getCode());
      for (Agent agent : new Agent[] {giver, seller, taker}) {
        agent.finish(Phase.PHASE_GIFT);
      }

      // 40 kWh offered, 30 claimed: the claim is filled from both offers, 10 kWh come back.
      long givenByGiver = giver.results().getResults(0).getGivenWh();
      long givenBySeller = seller.results().getResults(0).getGivenWh();
      assertEquals(30_000, taker.results().getResults(0).getReceivedWh());
      assertEquals(30_000, givenByGiver + givenBySeller);
      long sellerReturned = 20_000 - givenBySeller;

      taker.session().awaitPhase(Phase.PHASE_TRADE);
      if (sellerReturned > 0) {
        seller
            .calls()
            .trade(
                TradeRequest.newBuilder()
                    .setHomeId(seller.homeId())
                    .setDay(1)
                    .setSide(TradeSide.TRADE_SIDE_SELL)
                    .setAmountWh(sellerReturned)
                    .setRequestId("returned")
                    .build());
      }
      for (Agent agent : new Agent[] {giver, seller, taker}) {
        agent.finish(Phase.PHASE_TRADE);
      }
      PriceTick tick = taker.session().await(event -> event.hasDayClosed()).getDayClosed();
      assertEquals(30_000, tick.getGivenWh());

      assertEquals(20_000 - givenByGiver, giver.account().getWastedWh(), "always-give wastes");
      assertEquals(0, seller.account().getWastedWh(), "sell-if-no-takers sells what came back");
      assertEquals(sellerReturned, seller.account().getSoldWh());
      assertEquals(0, taker.account().getShortfallWh());
      assertEquals(30_000, taker.account().getReceivedWh());
    }
  }
}

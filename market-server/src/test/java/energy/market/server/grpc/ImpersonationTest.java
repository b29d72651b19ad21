package energy.market.server.grpc;

import static energy.market.server.SessionMessages.declare;
import static energy.market.server.SessionMessages.finish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import energy.market.api.v1.Account;
import energy.market.api.v1.ClaimRequest;
import energy.market.api.v1.FinishPhaseRequest;
import energy.market.api.v1.GetAccountRequest;
import energy.market.api.v1.GiftBrokerGrpc;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.OfferRequest;
import energy.market.api.v1.Phase;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.RegisterResponse;
import energy.market.api.v1.SessionEvent;
import energy.market.api.v1.SessionHello;
import energy.market.api.v1.SessionRequest;
import energy.market.api.v1.TradePolicy;
import energy.market.api.v1.TradeRequest;
import energy.market.api.v1.TradeSide;
import energy.market.client.MarketCredentials;
import energy.market.server.TestMarket;
import energy.market.server.TestSession;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A home that tries to act for, or read, another home: with its own good credentials (mallory's
 * secret) and with a forged secret. Every call is refused, alice's session stays hers, and at the
 * end of the day alice's account holds exactly what alice did.
 */
class ImpersonationTest {
  private static final String ALICE_SECRET = "alice-secret-0123456789";
  private static final String MALLORY_SECRET = "mallory-secret-0123456789";
  private static final String FORGED_SECRET = "forged-secret-0123456789";

  @Test
  void aHomeCannotActForOrReadAnotherWithItsOwnOrAForgedSecret() throws Exception {
    try (TestMarket market = TestMarket.fast(Duration.ofMinutes(1), 1)) {
      RegisterResponse alice =
          market.register("alice", TradePolicy.TRADE_POLICY_ALWAYS_SELL, ALICE_SECRET);
      RegisterResponse mallory =
          market.register("mallory", TradePolicy.TRADE_POLICY_ALWAYS_SELL, MALLORY_SECRET);
      TestSession aliceSession =
          TestSession.follow(market.channel, alice.getHomeId(), ALICE_SECRET);
      TestSession mallorySession =
          TestSession.follow(market.channel, mallory.getHomeId(), MALLORY_SECRET);
      aliceSession.await(SessionEvent::hasWelcome);
      mallorySession.await(SessionEvent::hasWelcome);
      market.startClock();
      long day = aliceSession.awaitPhase(Phase.PHASE_GIFT);
      mallorySession.awaitPhase(Phase.PHASE_GIFT);
      MarketGrpc.MarketBlockingStub asAlice = as(market, ALICE_SECRET);
      asAlice.declareDay(declare(alice, day, 20_000, 5_000));
      Account before = operatorRead(market, alice);

      Map<String, Function<MarketCredentials, Status.Code>> attempts = new LinkedHashMap<>();
      attempts.put(
          "declare for alice",
          as -> codeOf(() -> stub(market, as).declareDay(declare(alice, day, 0, 90_000))));
      attempts.put(
          "offer alice's surplus",
          as ->
              codeOf(
                  () ->
                      gifts(market, as)
                          .offer(
                              OfferRequest.newBuilder()
                                  .setHomeId(alice.getHomeId())
                                  .setDay(day)
                                  .setAmountWh(15_000)
                                  .build())));
      attempts.put(
          "claim for alice",
          as ->
              codeOf(
                  () ->
                      gifts(market, as)
                          .claim(
                              ClaimRequest.newBuilder()
                                  .setHomeId(alice.getHomeId())
                                  .setDay(day)
                                  .setAmountWh(1)
                                  .build())));
      attempts.put(
          "finish alice's phase",
          as ->
              codeOf(
                  () ->
                      stub(market, as)
                          .finishPhase(
                              FinishPhaseRequest.newBuilder()
                                  .setHomeId(alice.getHomeId())
                                  .setDay(day)
                                  .setPhase(Phase.PHASE_GIFT)
                                  .build())));
      attempts.put("read alice's account by id", as -> codeOf(() -> read(market, as, alice, true)));
      attempts.put(
          "read alice's account by name", as -> codeOf(() -> read(market, as, alice, false)));
      attempts.put("take alice's session (FollowSession)", as -> followAs(market, as, alice));
      attempts.put("take alice's session (Connect)", as -> connectAs(market, as, alice));
      for (Map.Entry<String, Function<MarketCredentials, Status.Code>> attempt :
          attempts.entrySet()) {
        assertEquals(
            Status.Code.PERMISSION_DENIED,
            attempt.getValue().apply(MarketCredentials.home(MALLORY_SECRET)),
            attempt.getKey() + ", with mallory's own secret");
        assertEquals(
            Status.Code.UNAUTHENTICATED,
            attempt.getValue().apply(MarketCredentials.home(FORGED_SECRET)),
            attempt.getKey() + ", with a forged secret");
      }
      assertEquals(before, operatorRead(market, alice), "alice's account is untouched");
      assertFalse(aliceSession.ended(), "alice keeps her session");

      asAlice.finishPhase(finish(alice, day, Phase.PHASE_GIFT));
      as(market, MALLORY_SECRET).finishPhase(finish(mallory, day, Phase.PHASE_GIFT));
      aliceSession.awaitPhase(Phase.PHASE_TRADE);
      TradeRequest sellAlicesSurplus =
          TradeRequest.newBuilder()
              .setHomeId(alice.getHomeId())
              .setDay(day)
              .setSide(TradeSide.TRADE_SIDE_SELL)
              .setAmountWh(15_000)
              .setRequestId("not-yours")
              .build();
      assertEquals(
          Status.Code.PERMISSION_DENIED,
          codeOf(() -> as(market, MALLORY_SECRET).trade(sellAlicesSurplus)),
          "sell alice's surplus, with mallory's own secret");
      assertEquals(
          Status.Code.UNAUTHENTICATED,
          codeOf(() -> as(market, FORGED_SECRET).trade(sellAlicesSurplus)),
          "sell alice's surplus, with a forged secret");
      asAlice.finishPhase(finish(alice, day, Phase.PHASE_TRADE));
      as(market, MALLORY_SECRET).finishPhase(finish(mallory, day, Phase.PHASE_TRADE));
      PriceTick closed = aliceSession.await(SessionEvent::hasDayClosed).getDayClosed();
      assertEquals(day, closed.getDay());

      Account after = operatorRead(market, alice);
      assertEquals(20_000, after.getProducedWh(), "alice's own declaration stands");
      assertEquals(5_000, after.getConsumedWh());
      assertEquals(0, after.getGivenWh(), "nobody gave alice's energy away");
      assertEquals(0, after.getSoldWh(), "nobody sold it");
      assertEquals(0, after.getBalanceMicroEur());
      assertEquals(
          after, as(market, ALICE_SECRET).getAccount(byId(alice)), "alice reads her own account");
    }
  }

  private static MarketGrpc.MarketBlockingStub stub(TestMarket market, MarketCredentials as) {
    return market.market().withCallCredentials(as);
  }

  private static MarketGrpc.MarketBlockingStub as(TestMarket market, String secret) {
    return stub(market, MarketCredentials.home(secret));
  }

  private static GiftBrokerGrpc.GiftBrokerBlockingStub gifts(
      TestMarket market, MarketCredentials as) {
    return GiftBrokerGrpc.newBlockingStub(market.channel)
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .withCallCredentials(as);
  }

  private static Account read(
      TestMarket market, MarketCredentials as, RegisterResponse home, boolean byId) {
    return stub(market, as)
        .getAccount(
            byId
                ? byId(home)
                : GetAccountRequest.newBuilder().setName(nameOf(market, home)).build());
  }

  private static String nameOf(TestMarket market, RegisterResponse home) {
    return operatorRead(market, home).getName();
  }

  private static Account operatorRead(TestMarket market, RegisterResponse home) {
    return market.operatorMarket().getAccount(byId(home));
  }

  private static GetAccountRequest byId(RegisterResponse home) {
    return GetAccountRequest.newBuilder().setHomeId(home.getHomeId()).build();
  }

  private static Status.Code followAs(
      TestMarket market, MarketCredentials as, RegisterResponse home) {
    TestSession session = new TestSession();
    MarketGrpc.newStub(market.channel)
        .withCallCredentials(as)
        .followSession(
            energy.market.api.v1.FollowSessionRequest.newBuilder()
                .setHomeId(home.getHomeId())
                .build(),
            session);
    return awaitEnd(session);
  }

  private static Status.Code connectAs(
      TestMarket market, MarketCredentials as, RegisterResponse home) {
    TestSession session =
        TestSession.connect(
            market.channel,
            as,
            SessionRequest.newBuilder()
                .setHello(SessionHello.newBuilder().addHomeIds(home.getHomeId()))
                .build());
    return awaitEnd(session);
  }

  private static Status.Code awaitEnd(TestSession session) {
    try {
      return session.awaitEnd().getCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static Status.Code codeOf(Runnable call) {
    return assertThrows(StatusRuntimeException.class, call::run).getStatus().getCode();
  }
}

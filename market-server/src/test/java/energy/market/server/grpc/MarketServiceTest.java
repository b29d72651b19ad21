package energy.market.server.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.Account;
import energy.market.api.v1.DayReports;
import energy.market.api.v1.DeclareDayRequest;
import energy.market.api.v1.FinishPhaseRequest;
import energy.market.api.v1.GetAccountRequest;
import energy.market.api.v1.GetMarketStateRequest;
import energy.market.api.v1.GiftResults;
import energy.market.api.v1.HomeDayReport;
import energy.market.api.v1.HomeGiftResult;
import energy.market.api.v1.MarketState;
import energy.market.api.v1.Phase;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.RegisterResponse;
import energy.market.api.v1.SessionRequest;
import energy.market.api.v1.TradeOrder;
import energy.market.api.v1.TradeOrders;
import energy.market.api.v1.TradePolicy;
import energy.market.api.v1.TradeReceipt;
import energy.market.api.v1.TradeRequest;
import energy.market.api.v1.TradeResults;
import energy.market.api.v1.TradeSide;
import energy.market.client.MarketCredentials;
import energy.market.server.TestMarket;
import energy.market.server.TestSession;
import energy.market.testing.Books;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The Market service over the in-process transport, driven as a home process would. */
class MarketServiceTest {

  private static HomeDayReport report(RegisterResponse home, long produced, long consumed) {
    long net = produced - consumed;
    return HomeDayReport.newBuilder()
        .setHomeId(home.getHomeId())
        .setProducedWh(produced)
        .setConsumedWh(consumed)
        .setOfferWh(0)
        .setClaimWh(0)
        .build();
  }

  private static Status.Code codeOf(Runnable call) {
    return assertThrows(StatusRuntimeException.class, call::run).getStatus().getCode();
  }

  @Test
  void aDayOfGiftsAndTradesThroughOneSessionBalancesTheBooks() throws Exception {
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(10), 1)) {
      RegisterResponse giver = market.register("giver", TradePolicy.TRADE_POLICY_ALWAYS_GIVE);
      RegisterResponse seller =
          market.register("seller", TradePolicy.TRADE_POLICY_SELL_IF_NO_TAKERS);
      RegisterResponse taker = market.register("taker", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
      TestSession session = market.connect(giver, seller, taker);
      market.startClock();

      assertEquals(1, session.awaitPhase(Phase.PHASE_GIFT));
      session.send(
          SessionRequest.newBuilder()
              .setDayReports(
                  DayReports.newBuilder()
                      .setDay(1)
                      .addReports(report(giver, 50_000, 10_000).toBuilder().setOfferWh(40_000))
                      .addReports(report(seller, 30_000, 10_000).toBuilder().setOfferWh(20_000))
                      .addReports(report(taker, 5_000, 55_000).toBuilder().setClaimWh(50_000)))
              .build());
      GiftResults gifts = session.await(event -> event.hasGiftResults()).getGiftResults();
      Map<Long, HomeGiftResult> byHome = new HashMap<>();
      gifts.getResultsList().forEach(result -> byHome.put(result.getHomeId(), result));
      long given =
          byHome.get(giver.getHomeId()).getGivenWh() + byHome.get(seller.getHomeId()).getGivenWh();
      assertEquals(50_000, byHome.get(taker.getHomeId()).getReceivedWh());
      assertEquals(50_000, given, "gifts given = gifts received");
      long sellerReturned = byHome.get(seller.getHomeId()).getReturnedWh();

      long price =
          session
              .await(
                  event ->
                      event.hasPhaseStarted()
                          && event.getPhaseStarted().getPhase() == Phase.PHASE_TRADE)
              .getPhaseStarted()
              .getPriceMicroEurPerKwh();
      assertEquals(170_000, price);
      TradeOrders.Builder orders = TradeOrders.newBuilder().setDay(1);
      if (sellerReturned > 0) {
        orders.addOrders(
            TradeOrder.newBuilder()
                .setHomeId(seller.getHomeId())
                .setSide(TradeSide.TRADE_SIDE_SELL)
                .setAmountWh(sellerReturned)
                .setRequestId("s1"));
      }
      session.send(SessionRequest.newBuilder().setTradeOrders(orders).build());
      TradeResults results = session.await(event -> event.hasTradeResults()).getTradeResults();
      assertEquals(0, results.getRejectionsCount(), results.toString());
      PriceTick tick = session.await(event -> event.hasDayClosed()).getDayClosed();

      assertEquals(1, tick.getDay());
      assertEquals(3, tick.getHomes());
      assertEquals(50_000, tick.getGivenWh());
      assertEquals(sellerReturned, tick.getSoldWh());
      assertEquals(170_000, tick.getTradedPriceMicroEurPerKwh());

      Account giverAccount =
          market
              .operatorMarket()
              .getAccount(GetAccountRequest.newBuilder().setName("giver").build());
      Account sellerAccount =
          market
              .operatorMarket()
              .getAccount(GetAccountRequest.newBuilder().setHomeId(seller.getHomeId()).build());
      Account takerAccount =
          market
              .operatorMarket()
              .getAccount(GetAccountRequest.newBuilder().setName("taker").build());
      assertEquals(40_000 - byHome.get(giver.getHomeId()).getGivenWh(), giverAccount.getWastedWh());
      assertEquals(sellerReturned * 170, sellerAccount.getBalanceMicroEur());
      assertEquals(0, sellerAccount.getWastedWh());
      assertEquals(50_000, takerAccount.getReceivedWh());
      for (Account account : new Account[] {giverAccount, sellerAccount, takerAccount}) {
        Books.assertEnergyBalances(account);
        assertEquals(1, account.getDays());
      }
    }
  }

  @Test
  void badTradesGetClearStatusesAndChangeNothing() throws Exception {
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(10), 1)) {
      RegisterResponse buyer = market.register("buyer", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
      RegisterResponse seller = market.register("seller", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
      String othersSecret = "the-secret-of-another-home";
      market.register("other", TradePolicy.TRADE_POLICY_ALWAYS_SELL, othersSecret);
      TestSession session = market.connect(buyer, seller);
      market.startClock();
      session.awaitPhase(Phase.PHASE_GIFT);

      TradeRequest valid =
          TradeRequest.newBuilder()
              .setHomeId(buyer.getHomeId())
              .setDay(1)
              .setSide(TradeSide.TRADE_SIDE_BUY)
              .setAmountWh(1_000)
              .setRequestId("ok")
              .build();
      assertEquals(
          Status.Code.FAILED_PRECONDITION,
          codeOf(() -> market.homeMarket().trade(valid)),
          "no trading during GIFT");

      session.send(
          SessionRequest.newBuilder()
              .setDayReports(
                  DayReports.newBuilder()
                      .setDay(1)
                      .addReports(report(buyer, 0, 20_000))
                      .addReports(report(seller, 20_000, 0)))
              .build());
      session.awaitPhase(Phase.PHASE_TRADE);

      Map<String, Consumer<TradeRequest.Builder>> invalid = new HashMap<>();
      invalid.put("negative", request -> request.setAmountWh(-5));
      invalid.put("zero", request -> request.setAmountWh(0));
      invalid.put("huge", request -> request.setAmountWh(Long.MAX_VALUE));
      invalid.put("no side", request -> request.setSide(TradeSide.TRADE_SIDE_UNSPECIFIED));
      invalid.put("past day", request -> request.setDay(0));
      invalid.put("future day", request -> request.setDay(9));
      invalid.put("beyond deficit", request -> request.setAmountWh(20_001));
      invalid.put("buyer sells", request -> request.setSide(TradeSide.TRADE_SIDE_SELL));
      for (Map.Entry<String, Consumer<TradeRequest.Builder>> bad : invalid.entrySet()) {
        TradeRequest.Builder request = valid.toBuilder();
        bad.getValue().accept(request);
        assertEquals(
            Status.Code.INVALID_ARGUMENT,
            codeOf(() -> market.homeMarket().trade(request.build())),
            bad.getKey());
      }
      StatusRuntimeException wrongSecret =
          assertThrows(
              StatusRuntimeException.class,
              () ->
                  market
                      .market()
                      .withCallCredentials(MarketCredentials.home("stolen-but-wrong-secret"))
                      .trade(valid));
      assertEquals(Status.Code.UNAUTHENTICATED, wrongSecret.getStatus().getCode());
      assertEquals(
          Status.Code.UNAUTHENTICATED,
          codeOf(() -> market.market().trade(valid)),
          "no credentials");
      assertEquals(
          Status.Code.PERMISSION_DENIED,
          codeOf(() -> market.homeMarket().trade(valid.toBuilder().setHomeId(99).build())),
          "unknown home");
      assertEquals(
          Status.Code.PERMISSION_DENIED,
          codeOf(
              () ->
                  market
                      .market()
                      .withCallCredentials(MarketCredentials.home(othersSecret))
                      .trade(valid)),
          "another home's secret");

      TradeReceipt receipt = market.homeMarket().trade(valid);
      assertEquals(170_000, receipt.getPriceMicroEurPerKwh());
      assertEquals(170_000, receipt.getMoneyMicroEur(), "1 kWh at 0.17 EUR");
      assertEquals(receipt, market.homeMarket().trade(valid), "a retried request counts once");

      session.send(
          SessionRequest.newBuilder().setTradeOrders(TradeOrders.newBuilder().setDay(1)).build());
      PriceTick tick = session.await(event -> event.hasDayClosed()).getDayClosed();
      assertEquals(1_000, tick.getBoughtWh());
      Account account =
          market
              .operatorMarket()
              .getAccount(GetAccountRequest.newBuilder().setName("buyer").build());
      assertEquals(1_000, account.getBoughtWh());
      assertEquals(-170_000, account.getBalanceMicroEur());
      assertEquals(19_000, account.getShortfallWh());
    }
  }

  @Test
  void registrationValidatesNamesAndGivesTheSameHomeBackForTheSameSecret() throws Exception {
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(1), 1)) {
      String secret = "alice-secret-0123456789abcdef";
      RegisterResponse alice =
          market.register("alice", TradePolicy.TRADE_POLICY_ALWAYS_GIVE, secret);
      assertEquals(1, alice.getHomeId());
      assertFalse(alice.getResumed());
      for (int i = 0; i < 3; i++) {
        RegisterResponse again =
            market.register("alice", TradePolicy.TRADE_POLICY_ALWAYS_GIVE, secret);
        assertTrue(again.getResumed());
        assertEquals(alice.getHomeId(), again.getHomeId());
      }

      StatusRuntimeException taken =
          assertThrows(
              StatusRuntimeException.class,
              () -> market.register("alice", TradePolicy.TRADE_POLICY_ALWAYS_GIVE));
      assertEquals(Status.Code.ALREADY_EXISTS, taken.getStatus().getCode());
      assertEquals(
          "home name 'alice' is taken by a home with another secret; run the home with the secret"
              + " (the state directory) that registered it, or choose another name",
          taken.getStatus().getDescription());

      StatusRuntimeException otherPolicy =
          assertThrows(
              StatusRuntimeException.class,
              () -> market.register("alice", TradePolicy.TRADE_POLICY_ALWAYS_SELL, secret));
      assertEquals(Status.Code.FAILED_PRECONDITION, otherPolicy.getStatus().getCode());
      assertTrue(
          otherPolicy
              .getStatus()
              .getDescription()
              .startsWith("home 'alice' is registered with policy always-give, not always-sell"),
          otherPolicy.getStatus().getDescription());

      for (String bad : new String[] {"", "short", "x".repeat(129), "has space in it 0123"}) {
        StatusRuntimeException refused =
            assertThrows(
                StatusRuntimeException.class,
                () -> market.register("bob", TradePolicy.TRADE_POLICY_ALWAYS_SELL, bad));
        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode(), bad);
        if (!bad.isEmpty()) {
          assertFalse(refused.getStatus().getDescription().contains(bad), "never echoes it");
        }
      }
      for (String bad : new String[] {"", "has space", "x".repeat(65), "semi;colon"}) {
        assertEquals(
            Status.Code.INVALID_ARGUMENT,
            codeOf(() -> market.register(bad, TradePolicy.TRADE_POLICY_ALWAYS_SELL)),
            "name '" + bad + "'");
      }
      assertEquals(
          Status.Code.INVALID_ARGUMENT,
          codeOf(() -> market.register("bob", TradePolicy.TRADE_POLICY_UNSPECIFIED)));
      assertEquals(
          1,
          market
              .market()
              .getMarketState(GetMarketStateRequest.getDefaultInstance())
              .getHomesRegistered(),
          "only alice");
      assertEquals(
          Status.Code.NOT_FOUND,
          codeOf(
              () ->
                  market
                      .operatorMarket()
                      .getAccount(GetAccountRequest.newBuilder().setName("nobody").build())));
    }
  }

  @Test
  void aHomeSpeakingOnlyUnaryCallsTakesPartInADay() throws Exception {
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(10), 1)) {
      RegisterResponse home = market.register("py-agent", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
      TestSession follow = TestSession.follow(market.channel, home.getHomeId(), TestMarket.SECRET);
      follow.await(event -> event.hasWelcome());
      market.startClock();
      long day = follow.awaitPhase(Phase.PHASE_GIFT);
      assertEquals(
          -12_000,
          market
              .homeMarket()
              .declareDay(
                  DeclareDayRequest.newBuilder()
                      .setHomeId(home.getHomeId())
                      .setDay(day)
                      .setProducedWh(8_000)
                      .setConsumedWh(20_000)
                      .build())
              .getNetWh());
      market
          .homeMarket()
          .finishPhase(
              FinishPhaseRequest.newBuilder()
                  .setHomeId(home.getHomeId())
                  .setDay(day)
                  .setPhase(Phase.PHASE_GIFT)
                  .build());
      follow.awaitPhase(Phase.PHASE_TRADE);
      market
          .homeMarket()
          .trade(
              TradeRequest.newBuilder()
                  .setHomeId(home.getHomeId())
                  .setDay(day)
                  .setSide(TradeSide.TRADE_SIDE_BUY)
                  .setAmountWh(12_000)
                  .setRequestId("buy-1")
                  .build());
      market
          .homeMarket()
          .finishPhase(
              FinishPhaseRequest.newBuilder()
                  .setHomeId(home.getHomeId())
                  .setDay(day)
                  .setPhase(Phase.PHASE_TRADE)
                  .build());
      PriceTick tick = follow.await(event -> event.hasDayClosed()).getDayClosed();
      assertEquals(12_000, tick.getBoughtWh());
      assertEquals(1, tick.getHomes());
      // Net demand of 12 kWh for one home raises the next price by 12 * 150 micro-EUR.
      assertEquals(170_000 + 12 * 150 + heatingTerm(tick), tick.getPriceMicroEurPerKwh());
    }
  }

  private static long heatingTerm(PriceTick tick) {
    double t = tick.getTemperatureCelsius();
    return Math.round(250 * (Math.max(0, 15 - t) + Math.max(0, t - 22)));
  }

  @Test
  void aHomeThatNeverAnswersIsSettledAsNoTradeAndDroppedAfterItsMissedDays() throws Exception {
    // The silent home holds GIFT and TRADE to their deadline, which must leave the active home
    // room to report and trade on a busy machine.
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(1), 3)) {
      RegisterResponse silent = market.register("silent", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
      RegisterResponse active = market.register("active", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
      TestSession mute = market.connect(silent);
      TestSession session = market.connect(active);
      market.startClock();
      for (long day = 1; day <= 3; day++) {
        assertEquals(day, session.awaitPhase(Phase.PHASE_GIFT));
        session.send(
            SessionRequest.newBuilder()
                .setDayReports(
                    DayReports.newBuilder().setDay(day).addReports(report(active, 9_000, 1_000)))
                .build());
        session.awaitPhase(Phase.PHASE_TRADE);
        session.send(
            SessionRequest.newBuilder()
                .setTradeOrders(
                    TradeOrders.newBuilder()
                        .setDay(day)
                        .addOrders(
                            TradeOrder.newBuilder()
                                .setHomeId(active.getHomeId())
                                .setSide(TradeSide.TRADE_SIDE_SELL)
                                .setAmountWh(8_000)
                                .setRequestId("d" + day)))
                .build());
        PriceTick tick = session.await(event -> event.hasDayClosed()).getDayClosed();
        assertEquals(1, tick.getHomes(), "the silent home did not take part");
        assertEquals(8_000, tick.getSoldWh());
      }
      Account silentAccount =
          market
              .operatorMarket()
              .getAccount(GetAccountRequest.newBuilder().setName("silent").build());
      assertEquals(0, silentAccount.getDays());
      assertEquals(0, silentAccount.getSoldWh());
      // Three missed days in a row (--max-missed-days 3): the silent home is dropped.
      Status dropped = mute.awaitEnd();
      assertEquals(Status.Code.ABORTED, dropped.getCode());
      assertTrue(dropped.getDescription().contains("missed"), dropped.getDescription());
      assertFalse(
          market
              .operatorMarket()
              .getAccount(GetAccountRequest.newBuilder().setName("silent").build())
              .getConnected(),
          "a dropped home is no longer connected");
    }
  }

  @Test
  void marketStateShowsTheDayPhaseAndPrice() throws Exception {
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(10), 3)) {
      RegisterResponse home = market.register("h", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
      MarketState before =
          market.market().getMarketState(GetMarketStateRequest.getDefaultInstance());
      assertEquals(0, before.getDay());
      assertEquals(170_000, before.getPriceMicroEurPerKwh());
      TestSession session = market.connect(home);
      market.startClock();
      session.awaitPhase(Phase.PHASE_GIFT);
      MarketState during =
          market.market().getMarketState(GetMarketStateRequest.getDefaultInstance());
      assertEquals(1, during.getDay());
      assertEquals(Phase.PHASE_GIFT, during.getPhase());
      assertEquals(1, during.getHomesRegistered());
      assertEquals(1, during.getHomesConnected());
      assertEquals(4, during.getMaxConcurrentTrades());
      assertFalse(during.hasLastTick());
    }
  }
}

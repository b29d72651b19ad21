package energy.market.server.grpc;

import static energy.market.server.SessionMessages.order;
import static energy.market.server.SessionMessages.orders;
import static energy.market.server.SessionMessages.report;
import static energy.market.server.SessionMessages.reports;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.DeclareDayRequest;
import energy.market.api.v1.GetAccountRequest;
import energy.market.api.v1.HomeBalance;
import energy.market.api.v1.HomeBalances;
import energy.market.api.v1.HomeDayReport;
import energy.market.api.v1.Phase;
import energy.market.api.v1.RegisterResponse;
import energy.market.api.v1.SessionEvent;
import energy.market.api.v1.SessionHello;
import energy.market.api.v1.SessionRequest;
import energy.market.api.v1.TradePolicy;
import energy.market.api.v1.TradeReceipt;
import energy.market.api.v1.TradeRejection;
import energy.market.api.v1.TradeRequest;
import energy.market.api.v1.TradeResults;
import energy.market.api.v1.TradeSide;
import energy.market.server.TestMarket;
import energy.market.server.TestSession;
import energy.market.server.clock.Pace;
import energy.market.server.ledger.GatedTradesLedger;
import energy.market.testing.Await;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A session's stream over the in-process transport: what one bad entry of a batch costs, the
 * balances a session's first close carries, and which day a session joining mid-day takes part in.
 */
class SessionStreamTest {
  /** Long enough that no phase ends on its deadline while a test drives it. */
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @Test
  void anOrderTheMarketCannotReadIsRefusedAloneAndTheSessionGoesOn() throws Exception {
    try (TestMarket market = TestMarket.fast(DEADLINE, 2)) {
      RegisterResponse buyer = market.register("buyer", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
      RegisterResponse seller = market.register("seller", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
      TestSession session = market.connect(buyer, seller);
      market.startClock();
      assertEquals(1, session.awaitPhase(Phase.PHASE_GIFT));
      session.send(reports(1, report(buyer, 0, 20_000), report(seller, 20_000, 0)));
      assertEquals(1, session.awaitPhase(Phase.PHASE_TRADE));

      String longId = "x".repeat(10_000);
      session.send(
          orders(
              1,
              order(buyer, TradeSide.TRADE_SIDE_BUY, 5_000, "buy"),
              order(buyer, TradeSide.TRADE_SIDE_BUY, 1_000, "unknown-side").toBuilder()
                  .setSideValue(7)
                  .build(),
              order(buyer, TradeSide.TRADE_SIDE_UNSPECIFIED, 1_000, "no-side"),
              order(buyer, TradeSide.TRADE_SIDE_BUY, 1_000, longId),
              order(buyer, TradeSide.TRADE_SIDE_BUY, 0, "zero"),
              order(seller, TradeSide.TRADE_SIDE_SELL, 7_000, "sell")));
      TradeResults results = session.await(SessionEvent::hasTradeResults).getTradeResults();

      assertEquals(
          List.of("buy", "sell"),
          results.getReceiptsList().stream().map(TradeReceipt::getRequestId).sorted().toList());
      Map<String, String> reasons = new HashMap<>();
      for (TradeRejection rejection : results.getRejectionsList()) {
        assertEquals(buyer.getHomeId(), rejection.getHomeId());
        reasons.put(rejection.getRequestId(), rejection.getReason());
      }
      String sides = "trade side is missing or unknown; allowed: TRADE_SIDE_BUY, TRADE_SIDE_SELL";
      assertEquals(sides, reasons.get("unknown-side"));
      assertEquals(sides, reasons.get("no-side"));
      String tooLong = reasons.get(longId.substring(0, 128));
      assertTrue(
          tooLong != null && tooLong.contains("(10000 characters) is not allowed; send 1 to 128"),
          "the refusal echoes the id cut to the length the market keeps: " + reasons);
      assertTrue(tooLong.length() < 200, "the reason quotes only a prefix: " + tooLong);
      assertTrue(reasons.get("zero").contains("trade amount"), reasons.get("zero"));
      assertEquals(4, reasons.size(), reasons.toString());

      // The session goes on: the day closes with the two trades and the next day begins.
      assertEquals(
          7_000, session.await(SessionEvent::hasDayClosed).getDayClosed().getSoldWh(), "sold");
      assertEquals(2, session.awaitPhase(Phase.PHASE_GIFT));
      assertFalse(session.ended(), "the session is still open");
      assertEquals(-850_000, account(market, "buyer"), "5 kWh bought at 0.17 EUR/kWh");
    }
  }

  @Test
  void aBadReportInABatchIsSkippedAloneAndTheOthersTakePart() throws Exception {
    try (TestMarket market = TestMarket.fast(DEADLINE, 1)) {
      RegisterResponse good = market.register("good", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
      RegisterResponse bad = market.register("bad", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
      TestSession session = market.connect(good, bad);
      market.startClock();
      assertEquals(1, session.awaitPhase(Phase.PHASE_GIFT));
      session.send(
          reports(
              1,
              report(good, 10_000, 0),
              report(bad, -5, 0),
              HomeDayReport.newBuilder().setHomeId(999).setProducedWh(1).build()));
      assertEquals(1, session.awaitPhase(Phase.PHASE_TRADE));
      session.send(orders(1, order(good, TradeSide.TRADE_SIDE_SELL, 10_000, "sell")));
      TradeResults results = session.await(SessionEvent::hasTradeResults).getTradeResults();
      assertEquals(1, results.getReceiptsCount(), results.toString());
      assertEquals(1, session.await(SessionEvent::hasDayClosed).getDayClosed().getHomes());
      assertFalse(session.ended(), "the session is still open");
    }
  }

  @Test
  void aSessionHearsItsReceiptsBeforeTheCloseEvenWhenTradeEndsOnItsDeadline() throws Exception {
    GatedTradesLedger ledger = new GatedTradesLedger();
    // Days of 10 s: TRADE ends on its deadline after 4 s at the latest.
    try (TestMarket market =
        new TestMarket(TestMarket.settings(Pace.fixed(Duration.ofSeconds(10)), 1), ledger)) {
      RegisterResponse seller = market.register("seller", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
      RegisterResponse late = market.register("late", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
      TestSession session = market.connect(seller);
      market.startClock();
      assertEquals(1, session.awaitPhase(Phase.PHASE_GIFT));
      session.send(reports(1, report(seller, 10_000, 0)));
      assertEquals(1, session.awaitPhase(Phase.PHASE_TRADE));
      session.send(orders(1, order(seller, TradeSide.TRADE_SIDE_SELL, 10_000, "seller/1/sell")));
      Await.until("the batch's trade is being recorded", () -> ledger.waiting() > 0, Await.SHORT);

      // Once TRADE has ended on its deadline, a trade is refused for being late, while the batch
      // still waits for its record.
      Await.until(
          "the end of TRADE on its deadline",
          () -> {
            try {
              market
                  .homeMarket()
                  .trade(
                      TradeRequest.newBuilder()
                          .setHomeId(late.getHomeId())
                          .setDay(1)
                          .setSide(TradeSide.TRADE_SIDE_SELL)
                          .setAmountWh(1)
                          .build());
              return false;
            } catch (StatusRuntimeException e) {
              return e.getStatus().getDescription().contains("not in TRADE");
            }
          },
          Await.SHORT);
      ledger.open();

      List<SessionEvent> events = eventsUntilClose(session, 1);
      int results = indexOf(events, SessionEvent::hasTradeResults);
      assertTrue(
          results >= 0 && results < indexOf(events, SessionEvent::hasDayClosed),
          "the receipts before the close: " + events);
      assertEquals(1, events.get(results).getTradeResults().getReceiptsCount());
      assertEquals(10_000, events.get(events.size() - 1).getDayClosed().getSoldWh());
    }
  }

  private static int indexOf(List<SessionEvent> events, Predicate<SessionEvent> wanted) {
    for (int i = 0; i < events.size(); i++) {
      if (wanted.test(events.get(i))) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void theFirstCloseASessionSeesCarriesItsHomesBalancesAndLaterClosesNone() throws Exception {
    try (TestMarket market = TestMarket.fast(DEADLINE, 3)) {
      RegisterResponse seller = market.register("seller", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
      RegisterResponse idle = market.register("idle", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
      TestSession first = market.connect(seller, idle);
      market.startClock();

      // Day 1: the seller sells once through the batch, once through a unary call that this
      // session never hears of.
      assertEquals(1, first.awaitPhase(Phase.PHASE_GIFT));
      first.send(reports(1, report(seller, 20_000, 0), report(idle, 0, 0)));
      assertEquals(1, first.awaitPhase(Phase.PHASE_TRADE));
      TradeReceipt unseen =
          market
              .homeMarket()
              .trade(
                  TradeRequest.newBuilder()
                      .setHomeId(seller.getHomeId())
                      .setDay(1)
                      .setSide(TradeSide.TRADE_SIDE_SELL)
                      .setAmountWh(3_000)
                      .setRequestId("behind-its-back")
                      .build());
      first.send(orders(1, order(seller, TradeSide.TRADE_SIDE_SELL, 10_000, "seller/1/sell")));
      List<SessionEvent> day1 = eventsUntilClose(first, 1);
      HomeBalances balances = balancesIn(day1);
      assertEquals(1, balances.getDay());
      long sellerAccount = account(market, "seller");
      assertEquals(
          Map.of(seller.getHomeId(), sellerAccount, idle.getHomeId(), 0L), byHome(balances));
      assertEquals(13_000 * 170, sellerAccount, "both sales, at 0.17 EUR/kWh");
      assertTrue(unseen.getMoneyMicroEur() > 0);
      assertTrue(
          day1.indexOf(SessionEvent.newBuilder().setBalances(balances).build()) == day1.size() - 2,
          "the balances come just before the day's close: " + day1);

      // Day 2: the stream carried every result, so no balances.
      assertEquals(2, first.awaitPhase(Phase.PHASE_GIFT));
      first.send(reports(2, report(seller, 0, 0), report(idle, 0, 0)));
      first.awaitPhase(Phase.PHASE_TRADE);
      first.send(orders(2));
      assertTrue(
          eventsUntilClose(first, 2).stream().noneMatch(SessionEvent::hasBalances),
          "a session's later closes carry no balances");

      // Day 3: the process reconnects in TRADE, and one home now follows the day through unary
      // calls; each new session gets its homes' balances at its first close.
      assertEquals(3, first.awaitPhase(Phase.PHASE_GIFT));
      first.send(reports(3, report(seller, 0, 0), report(idle, 0, 0)));
      first.awaitPhase(Phase.PHASE_TRADE);
      TestSession again = open(market, seller);
      assertEquals(3, firstDay(again), "its home declared day 3: it goes on with it");
      TestSession follower =
          TestSession.follow(market.channel, idle.getHomeId(), TestMarket.SECRET);
      assertEquals(3, firstDay(follower));
      assertEquals(Status.Code.ABORTED, first.awaitEnd().getCode(), "the old session ends");
      HomeBalances reconnected = balancesIn(eventsUntilClose(again, 3));
      assertEquals(3, reconnected.getDay());
      assertEquals(Map.of(seller.getHomeId(), sellerAccount), byHome(reconnected));
      HomeBalances followed = balancesIn(eventsUntilClose(follower, 3));
      assertEquals(Map.of(idle.getHomeId(), 0L), byHome(followed));
    }
  }

  @Test
  void aSessionJoiningMidDayTakesPartTodayOnlyWhenItsHomesDeclaredIt() throws Exception {
    try (TestMarket market = TestMarket.fast(DEADLINE, 2)) {
      RegisterResponse holder = market.register("holder", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
      RegisterResponse declared = market.register("declared", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
      RegisterResponse silent = market.register("silent", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
      // The holder keeps GIFT open until the test lets it go.
      TestSession holding = market.connect(holder);
      market.connect(declared);
      market.connect(silent);
      market.startClock();
      assertEquals(1, holding.awaitPhase(Phase.PHASE_GIFT));

      // One home's declaration reached the market (here through the unary call, so the test
      // knows it did); the other's was lost with its old stream.
      market
          .homeMarket()
          .declareDay(
              DeclareDayRequest.newBuilder()
                  .setHomeId(declared.getHomeId())
                  .setDay(1)
                  .setProducedWh(8_000)
                  .build());
      TestSession declaredAgain = open(market, declared);
      TestSession silentAgain = open(market, silent);
      assertEquals(1, firstDay(declaredAgain), "declared: goes on with day 1");
      assertEquals(2, firstDay(silentAgain), "did not declare day 1: joins from day 2");

      holding.send(reports(1, report(holder, 0, 0)));
      assertEquals(1, declaredAgain.awaitPhase(Phase.PHASE_TRADE));
      declaredAgain.send(orders(1, order(declared, TradeSide.TRADE_SIDE_SELL, 8_000, "d/1")));
      TradeResults results = declaredAgain.await(SessionEvent::hasTradeResults).getTradeResults();
      assertEquals(0, results.getRejectionsCount(), results.toString());
      assertEquals(1, results.getReceiptsCount());
      // The day goes on without waiting for the session that joins from the next day.
      holding.send(orders(1));

      // From day 2 the home that joined late takes part like any other.
      assertEquals(2, silentAgain.awaitPhase(Phase.PHASE_GIFT));
      silentAgain.send(reports(2, report(silent, 5_000, 0)));
      holding.send(reports(2, report(holder, 0, 0)));
      declaredAgain.send(reports(2, report(declared, 0, 0)));
      assertEquals(2, silentAgain.awaitPhase(Phase.PHASE_TRADE));
      silentAgain.send(orders(2, order(silent, TradeSide.TRADE_SIDE_SELL, 5_000, "s/2")));
      TradeResults day2 = silentAgain.await(SessionEvent::hasTradeResults).getTradeResults();
      assertEquals(0, day2.getRejectionsCount(), day2.toString());
      assertEquals(1, day2.getReceiptsCount());
    }
  }

  /** Opens a Market/Connect session for one home, its welcome still to be read. */
  private static TestSession open(TestMarket market, RegisterResponse home) {
    return TestSession.connect(
        market.channel,
        TestMarket.HOME,
        SessionRequest.newBuilder()
            .setHello(SessionHello.newBuilder().setLabel("test").addHomeIds(home.getHomeId()))
            .build());
  }

  private static long firstDay(TestSession session) throws InterruptedException {
    return session.await(SessionEvent::hasWelcome).getWelcome().getFirstDay();
  }

  private static long account(TestMarket market, String name) {
    return market
        .operatorMarket()
        .getAccount(GetAccountRequest.newBuilder().setName(name).build())
        .getBalanceMicroEur();
  }

  /** The session's events up to and with the close of {@code day}. */
  private static List<SessionEvent> eventsUntilClose(TestSession session, long day)
      throws InterruptedException {
    List<SessionEvent> events = new ArrayList<>();
    SessionEvent event;
    do {
      event = session.await(e -> true);
      events.add(event);
    } while (!(event.hasDayClosed() && event.getDayClosed().getDay() == day));
    return events;
  }

  private static HomeBalances balancesIn(List<SessionEvent> events) {
    List<HomeBalances> found =
        events.stream().filter(SessionEvent::hasBalances).map(SessionEvent::getBalances).toList();
    assertEquals(1, found.size(), "one balances message: " + events);
    return found.get(0);
  }

  private static Map<Long, Long> byHome(HomeBalances balances) {
    Map<Long, Long> byHome = new HashMap<>();
    for (HomeBalance balance : balances.getBalancesList()) {
      byHome.put(balance.getHomeId(), balance.getBalanceMicroEur());
    }
    return byHome;
  }
}

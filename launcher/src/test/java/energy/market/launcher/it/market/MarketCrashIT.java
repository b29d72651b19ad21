package energy.market.launcher.it.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.TradePolicy;
import energy.market.api.v1.TradeReceipt;
import energy.market.api.v1.TradeRequest;
import energy.market.api.v1.TradeSide;
import energy.market.client.Channels;
import energy.market.client.MarketCredentials;
import energy.market.server.TestHomeProcess;
import energy.market.server.TestHomeProcess.HomeSpec;
import energy.market.server.TestHomeProcess.Kind;
import energy.market.server.ledger.SqliteLedger;
import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * J5 from the market's side: the market process is killed with {@code kill -9} in the middle of a
 * TRADE phase, while acknowledged and unacknowledged trades are in flight, then started again on
 * the same data directory. Homes (driven from this JVM over real sockets, behaving like the home
 * client) reconnect with their tokens, resend the re-run day's reports and orders, and go on.
 */
class MarketCrashIT {
  private static final long CRASH_DAY = 3;
  private static final Duration WAIT = Await.LONG;

  @TempDir Path dataDir;

  @Test
  void aMarketKilledDuringTradeResumesWithEveryAcknowledgedTradeExactlyOnce() throws Exception {
    TestHomeProcess first =
        new TestHomeProcess(
            "first",
            List.of(
                home("a-seller", TradePolicy.TRADE_POLICY_ALWAYS_SELL),
                home("a-mixed", TradePolicy.TRADE_POLICY_SELL_IF_NO_TAKERS)));
    TestHomeProcess second =
        new TestHomeProcess(
            "second",
            List.of(
                home("b-giver", TradePolicy.TRADE_POLICY_ALWAYS_GIVE),
                home("b-mixed", TradePolicy.TRADE_POLICY_SELL_IF_NO_TAKERS)));
    TestHomeProcess held =
        new TestHomeProcess(
            "held",
            List.of(
                home("c-seller", TradePolicy.TRADE_POLICY_ALWAYS_SELL),
                home("c-mixed", TradePolicy.TRADE_POLICY_SELL_IF_NO_TAKERS)));
    TestHomeProcess flooder =
        new TestHomeProcess(
            "flooder",
            List.of(new HomeSpec("flood", TradePolicy.TRADE_POLICY_ALWAYS_SELL, Kind.FLOOD)));
    List<TestHomeProcess> processes = List.of(first, second, held, flooder);
    int homes = 7;
    // The held process and the flooder keep TRADE of the crash day open; the others finish it.
    held.holdTradesOf(CRASH_DAY);
    flooder.holdTradesOf(CRASH_DAY);

    Map<Long, TradeReceipt> acknowledged = new HashMap<>();
    Map<String, Integer> seenBeforeRestart = new HashMap<>();
    try (ChildProcess market = startMarket(homes)) {
      ManagedChannel channel = channel(market);
      try {
        for (TestHomeProcess process : processes) {
          process.connect(channel);
        }
        for (TestHomeProcess process : List.of(first, second)) {
          process.await(
              () -> process.tradeResultDays().contains(CRASH_DAY),
              WAIT,
              "receipts of the crash day");
        }
        for (TestHomeProcess process : List.of(held, flooder)) {
          process.await(
              () -> process.heldTradeDays().contains(CRASH_DAY), WAIT, "TRADE of the crash day");
        }
        Flood flood = new Flood(channel, flooder, CRASH_DAY);
        flood.start(4);
        try {
          flood.awaitReceipts(200, WAIT);
          kill9(market);
        } finally {
          flood.stop();
        }
        assertFalse(flood.receipts.isEmpty());
        for (TradeReceipt receipt : flood.receipts.values()) {
          acknowledged.put(receipt.getTradeId(), receipt);
        }
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      for (TestHomeProcess process : processes) {
        process.disconnect();
        for (TradeReceipt receipt : process.receipts()) {
          acknowledged.put(receipt.getTradeId(), receipt);
        }
        seenBeforeRestart.put(process.homes().get(0).name(), process.openedDays().size());
      }
      assertTrue(
          held.tradeResultDays().stream().noneMatch(day -> day == CRASH_DAY),
          "the kill came while TRADE of day " + CRASH_DAY + " was open");
    }

    Map<String, List<TradeReceipt>> crashDayReceipts = new HashMap<>();
    for (TestHomeProcess process : List.of(first, second)) {
      crashDayReceipts.put(
          process.homes().get(0).name(),
          process.receipts().stream().filter(r -> r.getDay() == CRASH_DAY).toList());
    }

    try (ChildProcess market = startMarket(homes)) {
      market.awaitLine(
          "resuming after day " + (CRASH_DAY - 1) + " from .*" + SqliteLedger.FILE_NAME,
          Duration.ofSeconds(30));
      ManagedChannel channel = channel(market);
      try {
        for (TestHomeProcess process : processes) {
          process.holdTradesOf(-1);
          process.connect(channel);
          assertTrue(
              process
                  .resumedFlags()
                  .subList(process.homes().size(), 2 * process.homes().size())
                  .stream()
                  .allMatch(resumed -> resumed),
              "every home keeps its identity");
        }
        for (TestHomeProcess process : processes) {
          process.awaitClosed(CRASH_DAY + 2, WAIT);
          List<Long> opened = process.openedDays();
          int before = seenBeforeRestart.get(process.homes().get(0).name());
          assertEquals(
              CRASH_DAY, opened.get(before), "the first day after the restart is the crashed one");
        }
        // Homes that had their receipts resend the same orders and get the same receipts back.
        for (TestHomeProcess process : List.of(first, second)) {
          List<TradeReceipt> before = crashDayReceipts.get(process.homes().get(0).name());
          assertFalse(before.isEmpty(), process + " traded on the crash day before the kill");
          List<TradeReceipt> all =
              process.receipts().stream().filter(r -> r.getDay() == CRASH_DAY).toList();
          assertEquals(2 * before.size(), all.size(), process.toString());
          assertEquals(before, all.subList(before.size(), all.size()), "the same receipts again");
        }
        for (TestHomeProcess process : processes) {
          assertTrue(process.rejections().isEmpty(), process.toString());
          for (TradeReceipt receipt : process.receipts()) {
            TradeReceipt known = acknowledged.putIfAbsent(receipt.getTradeId(), receipt);
            assertTrue(known == null || known.equals(receipt), "one trade id, one trade");
          }
        }
        assertPricesFollowOn(first.ticks(), CRASH_DAY + 2);
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        for (TestHomeProcess process : processes) {
          process.close();
        }
      }
      assertEquals(143, market.terminate(Await.LONG), market.transcript());
    }

    checkLedger(acknowledged, flooder.id("flood"), homes);
  }

  /** The ledger after the second run: what was acknowledged, once, and books that balance. */
  private void checkLedger(Map<Long, TradeReceipt> acknowledged, long floodId, int homes)
      throws Exception {
    try (Connection db =
        DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteLedger.FILE_NAME))) {
      try (PreparedStatement byId =
          db.prepareStatement(
              "SELECT count(*), min(day), min(home_id), min(side), min(amount_wh),"
                  + " min(price_micro_eur_per_kwh), min(money_micro_eur), min(request_id)"
                  + " FROM trades WHERE trade_id = ?")) {
        for (TradeReceipt receipt : acknowledged.values()) {
          byId.setLong(1, receipt.getTradeId());
          try (ResultSet row = byId.executeQuery()) {
            row.next();
            assertEquals(1, row.getInt(1), "receipt in the ledger once: " + receipt);
            assertEquals(receipt.getDay(), row.getLong(2));
            assertEquals(receipt.getHomeId(), row.getLong(3));
            assertEquals(
                receipt.getSide() == TradeSide.TRADE_SIDE_SELL ? "sell" : "buy", row.getString(4));
            assertEquals(receipt.getAmountWh(), row.getLong(5));
            assertEquals(receipt.getPriceMicroEurPerKwh(), row.getLong(6));
            assertEquals(receipt.getMoneyMicroEur(), row.getLong(7));
            assertEquals(receipt.getRequestId(), row.getString(8));
          }
        }
      }
      assertEquals(
          0,
          count(
              db,
              "SELECT count(*) FROM (SELECT day, home_id, request_id FROM trades"
                  + " WHERE request_id IS NOT NULL GROUP BY 1, 2, 3 HAVING count(*) > 1)"),
          "no request id twice for a home and day");
      // Days 1..N, each once (the market runs on after the homes left, until it is stopped).
      long lastDay = count(db, "SELECT max(day) FROM days");
      assertTrue(lastDay >= CRASH_DAY + 2, "closed days: " + lastDay);
      assertEquals(lastDay, count(db, "SELECT count(*) FROM days"));
      assertEquals(1, count(db, "SELECT min(day) FROM days"));
      assertEquals(homes, count(db, "SELECT homes FROM days WHERE day = " + CRASH_DAY));
      // Only the day in progress when the market was stopped may be open.
      assertEquals(0, count(db, "SELECT count(*) FROM open_day WHERE day != " + (lastDay + 1)));
      assertEquals(
          List.of(1L, CRASH_DAY), longs(db, "SELECT first_day FROM starts ORDER BY start_id"));
      // Gifts given = gifts received, every day.
      assertEquals(
          0,
          count(
              db,
              "SELECT count(*) FROM (SELECT day FROM home_days GROUP BY day"
                  + " HAVING sum(given_wh) != sum(received_wh))"));
      // The trades of each day are exactly the homes' sold, bought, paid and earned, and the
      // day's totals.
      assertEquals(
          0,
          count(
              db,
              "SELECT count(*) FROM days d WHERE"
                  + " d.sold_wh != (SELECT coalesce(sum(amount_wh), 0) FROM trades t"
                  + "   WHERE t.day = d.day AND side = 'sell')"
                  + " OR d.bought_wh != (SELECT coalesce(sum(amount_wh), 0) FROM trades t"
                  + "   WHERE t.day = d.day AND side = 'buy')"
                  + " OR d.earned_micro_eur != (SELECT coalesce(sum(money_micro_eur), 0)"
                  + "   FROM trades t WHERE t.day = d.day AND side = 'sell')"
                  + " OR d.paid_micro_eur != (SELECT coalesce(sum(money_micro_eur), 0)"
                  + "   FROM trades t WHERE t.day = d.day AND side = 'buy')"
                  + " OR d.sold_wh != (SELECT sum(sold_wh) FROM home_days h WHERE h.day = d.day)"
                  + " OR d.bought_wh != (SELECT sum(bought_wh) FROM home_days h"
                  + "   WHERE h.day = d.day)"));
      assertEquals(
          0,
          count(
              db,
              "SELECT count(*) FROM home_days h WHERE"
                  + " h.sold_wh != (SELECT coalesce(sum(amount_wh), 0) FROM trades t"
                  + "   WHERE t.day = h.day AND t.home_id = h.home_id AND side = 'sell')"
                  + " OR h.bought_wh != (SELECT coalesce(sum(amount_wh), 0) FROM trades t"
                  + "   WHERE t.day = h.day AND t.home_id = h.home_id AND side = 'buy')"
                  + " OR h.produced_wh + h.received_wh + h.bought_wh + h.shortfall_wh"
                  + "   != h.consumed_wh + h.given_wh + h.sold_wh + h.wasted_wh"));
      // Every account is the sum of its home's days, and its energy balances.
      assertEquals(
          0,
          count(
              db,
              "SELECT count(*) FROM accounts a WHERE"
                  + " a.produced_wh + a.received_wh + a.bought_wh + a.shortfall_wh"
                  + "   != a.consumed_wh + a.given_wh + a.sold_wh + a.wasted_wh"
                  + " OR a.balance_micro_eur != a.earned_micro_eur - a.paid_micro_eur"
                  + " OR a.sold_wh != (SELECT coalesce(sum(sold_wh), 0) FROM home_days h"
                  + "   WHERE h.home_id = a.home_id)"
                  + " OR a.bought_wh != (SELECT coalesce(sum(bought_wh), 0) FROM home_days h"
                  + "   WHERE h.home_id = a.home_id)"
                  + " OR a.earned_micro_eur != (SELECT coalesce(sum(earned_micro_eur), 0)"
                  + "   FROM home_days h WHERE h.home_id = a.home_id)"
                  + " OR a.paid_micro_eur != (SELECT coalesce(sum(paid_micro_eur), 0)"
                  + "   FROM home_days h WHERE h.home_id = a.home_id)"));
      // The flood's trades of the crash day are at least its receipts (some were kept but never
      // acknowledged), and every one of them counts in its day.
      long floodTrades =
          count(
              db,
              "SELECT count(*) FROM trades WHERE home_id = " + floodId + " AND day = " + CRASH_DAY);
      long floodReceipts =
          acknowledged.values().stream().filter(r -> r.getHomeId() == floodId).count();
      assertTrue(floodTrades >= floodReceipts, floodTrades + " >= " + floodReceipts);
      System.out.printf(
          "MarketCrashIT: %d receipts checked; the flood had %d receipts and %d trades kept%n",
          acknowledged.size(), floodReceipts, floodTrades);
      assertEquals(
          floodTrades * Flood.AMOUNT_WH,
          count(
              db,
              "SELECT bought_wh FROM home_days WHERE home_id = "
                  + floodId
                  + " AND day = "
                  + CRASH_DAY));
    }
  }

  private static void assertPricesFollowOn(List<PriceTick> ticks, long lastDay) {
    Map<Long, PriceTick> byDay = new HashMap<>();
    ticks.forEach(tick -> byDay.put(tick.getDay(), tick));
    for (long day = 2; day <= lastDay; day++) {
      PriceTick previous = byDay.get(day - 1);
      PriceTick tick = byDay.get(day);
      if (previous != null && tick != null) {
        assertEquals(
            previous.getPriceMicroEurPerKwh(),
            tick.getTradedPriceMicroEurPerKwh(),
            "day " + day + " trades at the price day " + (day - 1) + " set");
      }
    }
    assertNotNull(byDay.get(lastDay));
  }

  private ChildProcess startMarket(int homes) throws Exception {
    ChildProcess market =
        ChildProcess.role(
            "market",
            "market",
            List.of(
                "--port", "0",
                "--bind", "127.0.0.1",
                "--day-length", "0",
                "--phase-deadline", "20s",
                "--data-dir", dataDir.toString(),
                "--operator-token", "t",
                "--await-homes", Integer.toString(homes)));
    return market;
  }

  private static ManagedChannel channel(ChildProcess market) throws InterruptedException {
    int port = Integer.parseInt(market.awaitLine("market listening on port (\\d+)", Await.LONG));
    return Channels.open("127.0.0.1", port);
  }

  private static void kill9(ChildProcess market) throws Exception {
    market.signal("KILL");
    assertEquals(137, market.awaitExit(Await.SHORT), "killed by SIGKILL");
  }

  private static HomeSpec home(String name, TradePolicy policy) {
    return new HomeSpec(name, policy, Kind.NORMAL);
  }

  private static long count(Connection db, String sql) throws Exception {
    try (Statement statement = db.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      assertTrue(row.next(), sql);
      return row.getLong(1);
    }
  }

  private static List<Long> longs(Connection db, String sql) throws Exception {
    List<Long> values = new ArrayList<>();
    try (Statement statement = db.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      while (row.next()) {
        values.add(row.getLong(1));
      }
    }
    return values;
  }

  /** Unary buys for one home from several threads, each with its own request id. */
  private static final class Flood {
    static final long AMOUNT_WH = 10;

    final Map<String, TradeReceipt> receipts = new ConcurrentHashMap<>();
    private final MarketGrpc.MarketBlockingStub stub;
    private final long home;
    private final long day;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong next = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();

    Flood(Channel channel, TestHomeProcess process, long day) {
      this.stub =
          MarketGrpc.newBlockingStub(channel)
              .withCallCredentials(MarketCredentials.home(TestHomeProcess.SECRET));
      this.home = process.id("flood");
      this.day = day;
    }

    void start(int count) {
      for (int i = 0; i < count; i++) {
        Thread thread = new Thread(this::run, "flood-" + i);
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
      }
    }

    private void run() {
      while (!stop.get()) {
        String requestId = "flood/" + day + "/" + next.incrementAndGet();
        try {
          TradeReceipt receipt =
              stub.withDeadlineAfter(10, TimeUnit.SECONDS)
                  .trade(
                      TradeRequest.newBuilder()
                          .setHomeId(home)
                          .setDay(day)
                          .setSide(TradeSide.TRADE_SIDE_BUY)
                          .setAmountWh(AMOUNT_WH)
                          .setRequestId(requestId)
                          .build());
          receipts.put(requestId, receipt);
        } catch (StatusRuntimeException e) {
          return; // the market is gone
        }
      }
    }

    void awaitReceipts(int count, Duration timeout) throws InterruptedException {
      Await.until(count + " flood receipts", () -> receipts.size() >= count, timeout);
    }

    void stop() throws InterruptedException {
      stop.set(true);
      for (Thread thread : threads) {
        thread.join(15_000);
      }
    }
  }
}

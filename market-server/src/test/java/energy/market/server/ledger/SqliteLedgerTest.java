package energy.market.server.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.model.EventKind;
import energy.market.model.Policy;
import energy.market.model.Side;
import energy.market.server.clock.Pace;
import energy.market.server.day.Account;
import energy.market.server.day.DayTotals;
import energy.market.server.day.Declaration;
import energy.market.server.day.HomeDay;
import energy.market.server.day.HomeDaySummary;
import energy.market.server.day.TradeIds;
import energy.market.server.day.TradeRecord;
import energy.market.server.feed.Tick;
import energy.market.server.homes.Home;
import energy.market.server.price.ActiveEffect;
import energy.market.server.price.EventCatalog;
import energy.market.server.price.EventSpec;
import energy.market.server.price.MarketEventRecord;
import energy.market.server.price.PriceParameters;
import energy.market.testing.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLedgerTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final RunParameters RUN =
      new RunParameters(
          42,
          new PriceParameters(160_000, 170_000, 0.9, 120.5, 250, 14.5, 23, 20_000, 1_500_000),
          EventCatalog.defaults().with(EventKind.STORM, new EventSpec(11_000, 4)));

  @TempDir Path dir;

  private Path file() {
    return dir.resolve(SqliteLedger.FILE_NAME);
  }

  private SqliteLedger open() throws UnusableLedgerException {
    return SqliteLedger.open(file(), RUN, CLOCK);
  }

  @Test
  void whatIsWrittenComesBackAfterReopening() throws Exception {
    Home alice = new Home(1, "alice", Policy.ALWAYS_SELL, "a".repeat(64));
    Home bob = new Home(2, "bob", Policy.SELL_IF_NO_TAKERS, "b".repeat(64));
    Home carol = new Home(3, "carol", Policy.ALWAYS_GIVE, "c".repeat(64));
    MarketEventRecord storm =
        new MarketEventRecord(
            "storm-1",
            EventKind.STORM,
            1,
            new EventSpec(11_000, 4),
            "by hand",
            Instant.parse("2026-01-01T00:00:01.123456789Z"));
    MarketEventRecord war =
        new MarketEventRecord(
            "war-1",
            EventKind.WAR,
            2,
            new EventSpec(20_000, 30),
            "",
            Instant.parse("2026-01-02T00:00:00Z"));
    TradeIds ids = new TradeIds(0);

    // Day 1: alice sells, carol gives to bob, bob buys the rest.
    HomeDay alice1 = new HomeDay(alice, 1);
    HomeDay bob1 = new HomeDay(bob, 1);
    HomeDay carol1 = new HomeDay(carol, 1);
    alice1.declare(30_000, 10_000);
    bob1.declare(5_000, 15_000);
    carol1.declare(20_000, 10_000);
    bob1.claim(10_000);
    carol1.offer(10_000);
    bob1.applyGifts(0, 6_000);
    carol1.applyGifts(6_000, 0);
    alice1.applyGifts(0, 0);
    List<TradeRecord> day1Trades =
        List.of(
            alice1.trade(Side.SELL, 20_000, 170_000, "alice/1/sell", ids).record(),
            bob1.trade(Side.BUY, 4_000, 170_000, "bob/1/buy", ids).record());
    List<HomeDaySummary> summaries = List.of(alice1.summary(), bob1.summary(), carol1.summary());
    DayTotals totals = DayTotals.settle(1, summaries, day1Trades);
    List<Account> accounts = new ArrayList<>();
    for (HomeDaySummary summary : summaries) {
      accounts.add(Account.empty(summary.homeId()).plus(summary));
    }
    Tick tick =
        new Tick(
            1,
            182_345,
            12_345,
            170_000,
            -3.25,
            false,
            List.of(new ActiveEffect(storm, 3, 11_000)),
            totals.boughtWh(),
            totals.soldWh(),
            totals.givenWh(),
            totals.homes(),
            Instant.parse("2026-01-01T00:00:02.5Z"),
            false);

    // Day 2 is open: its gifts matched, one trade made, then the market stops.
    HomeDay alice2 = new HomeDay(alice, 2);
    alice2.declare(25_000, 5_000);
    alice2.applyGifts(0, 0);
    TradeRecord day2Trade = alice2.trade(Side.SELL, 7_000, 182_345, "alice/2/sell", ids).record();
    OpenDay open = new OpenDay(2, 182_345, 4.5, true, List.of(alice2.declaration()));

    try (SqliteLedger ledger = open()) {
      assertTrue(ledger.created());
      assertEquals(ResumeState.EMPTY, ledger.resumeState());
      ledger.started(
          new MarketStart(CLOCK.instant(), 1, Pace.fast(Duration.ofSeconds(3)), 10, 4, 64));
      CompletableFuture.allOf(
              ledger.homeRegistered(alice),
              ledger.homeRegistered(bob),
              ledger.homeRegistered(carol))
          .get(10, TimeUnit.SECONDS);
      ledger.eventAccepted(storm);
      ledger.tradesExecuted(day1Trades);
      ledger.dayClosed(new ClosedDay(tick, totals, summaries, accounts));
      ledger.eventAccepted(war);
      ledger.giftsMatched(open);
      ledger.tradesExecuted(List.of(day2Trade));
    }

    try (SqliteLedger ledger = open()) {
      assertFalse(ledger.created());
      assertEquals(RUN, ledger.run());
      ResumeState expected =
          new ResumeState(
              List.of(alice, bob, carol),
              accounts,
              List.of(storm, war),
              List.of(tick),
              3,
              Optional.of(open),
              List.of(day2Trade));
      assertEquals(expected, ledger.resumeState());
      assertEquals(1, ledger.resumeState().lastClosedDay());
    }
  }

  private static final List<Home> ALICE_AND_BOB =
      List.of(
          new Home(1, "alice", Policy.ALWAYS_SELL, "a"),
          new Home(2, "bob", Policy.ALWAYS_GIVE, "b"));

  @Test
  void eachClosedDayIsAddedToTheAccountsAsTheMarketAddsIt() throws Exception {
    Map<Long, Account> accounts = new HashMap<>();
    try (SqliteLedger ledger = open()) {
      for (Home home : ALICE_AND_BOB) {
        ledger.homeRegistered(home).get(10, TimeUnit.SECONDS);
      }
      for (long day = 1; day <= 3; day++) {
        // bob sits day 2 out: his row says so and his account counts one day fewer.
        closeDay(ledger, day, day == 2 ? 2 : 0, accounts);
      }
    }
    try (SqliteLedger ledger = open()) {
      assertEquals(List.of(accounts.get(1L), accounts.get(2L)), ledger.resumeState().accounts());
      assertEquals(2, accounts.get(2L).days());
    }
  }

  @Test
  void theAccountsAddTheHomeDaysClosedSinceTheirTotalsWereLastWrittenWhole() throws Exception {
    long days = 2 * AccountCheckpoint.DAYS_BETWEEN + 5;
    Map<Long, Account> accounts = new HashMap<>();
    Map<Long, Account> atCheckpoint = new HashMap<>();
    try (SqliteLedger ledger = open();
        Connection reader = reader()) {
      for (Home home : ALICE_AND_BOB) {
        ledger.homeRegistered(home).get(10, TimeUnit.SECONDS);
      }
      for (long day = 1; day <= days; day++) {
        closeDay(ledger, day, day % 7 == 0 ? 2 : day % 11 == 0 ? 1 : 0, accounts);
        if (day % AccountCheckpoint.DAYS_BETWEEN == 0) {
          atCheckpoint.putAll(accounts);
        }
        assertEquals(
            List.of(accounts.get(1L), accounts.get(2L)),
            accountsIn(reader, "accounts"),
            "the view after day " + day);
        long checkpoint = day - day % AccountCheckpoint.DAYS_BETWEEN;
        assertEquals(checkpoint, throughDay(reader), "after day " + day);
        if (checkpoint > 0) {
          assertEquals(
              List.of(atCheckpoint.get(1L), atCheckpoint.get(2L)),
              accountsIn(reader, "account_totals"),
              "the totals after day " + day);
        }
      }
    }
    // Closing the ledger wrote them whole: its readers add no home days.
    try (Connection reader = reader()) {
      assertEquals(days, throughDay(reader));
      assertEquals(
          List.of(accounts.get(1L), accounts.get(2L)), accountsIn(reader, "account_totals"));
    }
  }

  @Test
  void aStartThatFindsTheTotalsBehindTheLastClosedDayWritesThemWholeFirst() throws Exception {
    long days = AccountCheckpoint.DAYS_BETWEEN + 8;
    Map<Long, Account> accounts = new HashMap<>();
    Map<Long, Account> atCheckpoint = new HashMap<>();
    try (SqliteLedger ledger = open()) {
      for (Home home : ALICE_AND_BOB) {
        ledger.homeRegistered(home).get(10, TimeUnit.SECONDS);
      }
      for (long day = 1; day <= days; day++) {
        closeDay(ledger, day, day % 5 == 0 ? 1 : 0, accounts);
        if (day == AccountCheckpoint.DAYS_BETWEEN) {
          atCheckpoint.putAll(accounts);
        }
      }
    }
    // The file a market killed after the last day leaves: the totals of the last checkpoint.
    try (Connection connection = reader();
        PreparedStatement rewind =
            connection.prepareStatement(
                "UPDATE account_totals SET produced_wh = ?, consumed_wh = ?, given_wh = ?,"
                    + " received_wh = ?, sold_wh = ?, bought_wh = ?, wasted_wh = ?,"
                    + " shortfall_wh = ?, paid_micro_eur = ?, earned_micro_eur = ?, days = ?,"
                    + " balance_micro_eur = ? WHERE home_id = ?");
        Statement statement = connection.createStatement()) {
      for (Account account : atCheckpoint.values()) {
        long[] figures = {
          account.producedWh(), account.consumedWh(), account.givenWh(), account.receivedWh(),
          account.soldWh(), account.boughtWh(), account.wastedWh(), account.shortfallWh(),
          account.paidMicro(), account.earnedMicro(), account.days(), account.balanceMicro(),
          account.homeId()
        };
        for (int i = 0; i < figures.length; i++) {
          rewind.setLong(i + 1, figures[i]);
        }
        assertEquals(1, rewind.executeUpdate());
      }
      statement.executeUpdate(
          "UPDATE account_checkpoint SET through_day = " + AccountCheckpoint.DAYS_BETWEEN);
      assertEquals(List.of(accounts.get(1L), accounts.get(2L)), accountsIn(connection, "accounts"));
    }

    try (SqliteLedger ledger = open();
        Connection reader = reader()) {
      assertEquals(List.of(accounts.get(1L), accounts.get(2L)), ledger.resumeState().accounts());
      assertEquals(days, throughDay(reader));
      assertEquals(
          List.of(accounts.get(1L), accounts.get(2L)), accountsIn(reader, "account_totals"));
      closeDay(ledger, days + 1, 0, accounts);
      assertEquals(List.of(accounts.get(1L), accounts.get(2L)), accountsIn(reader, "accounts"));
    }
  }

  @Test
  void whatARolledBackCloseWouldHaveRememberedIsForgotten() throws Exception {
    try (SqliteLedger ledger = open()) {
      for (Home home : ALICE_AND_BOB) {
        ledger.homeRegistered(home).get(10, TimeUnit.SECONDS);
      }
    }
    try (Connection connection = LedgerFiles.connect(file(), false)) {
      connection.setAutoCommit(false);
      try (LedgerWrites writes = new LedgerWrites(connection)) {
        writes.closedDay(closedDay(1, 0, new HashMap<>()));
        writes.rolledBack(0);
        connection.rollback();
        writes.committed();
        // Had the writes kept day 1's accounts, they would now write them, through day 1.
        writes.keepChangedAccounts();
        connection.commit();
      }
      assertEquals(0, throughDay(connection));
      assertEquals(
          List.of(Account.empty(1), Account.empty(2)), accountsIn(connection, "account_totals"));
    }
  }

  /**
   * The accounts as {@code table} (the view {@code accounts} or the table of totals) holds them.
   */
  private static List<Account> accountsIn(Connection connection, String table) throws Exception {
    List<Account> accounts = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT home_id, produced_wh, consumed_wh, given_wh, received_wh, sold_wh,"
                    + " bought_wh, wasted_wh, shortfall_wh, paid_micro_eur, earned_micro_eur,"
                    + " days, balance_micro_eur FROM "
                    + table
                    + " ORDER BY home_id")) {
      while (rows.next()) {
        long[] figures = new long[12];
        for (int i = 0; i < figures.length; i++) {
          figures[i] = rows.getLong(i + 1);
        }
        Account account =
            new Account(
                figures[0],
                figures[1],
                figures[2],
                figures[3],
                figures[4],
                figures[5],
                figures[6],
                figures[7],
                figures[8],
                figures[9],
                figures[10],
                figures[11]);
        assertEquals(account.balanceMicro(), rows.getLong(13), "balance of " + account);
        accounts.add(account);
      }
    }
    return accounts;
  }

  private static long throughDay(Connection connection) throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT through_day FROM account_checkpoint")) {
      assertTrue(rows.next());
      return rows.getLong(1);
    }
  }

  @Test
  void aHomeWhoseTotalsRowWentMissingHasItsWholeAccountWrittenOnceItClosesADay() throws Exception {
    try (SqliteLedger ledger = open()) {
      for (Home home : ALICE_AND_BOB) {
        ledger.homeRegistered(home).get(10, TimeUnit.SECONDS);
      }
    }
    try (Connection connection = DriverManager.getConnection(LedgerFiles.url(file()));
        Statement statement = connection.createStatement()) {
      assertEquals(1, statement.executeUpdate("DELETE FROM account_totals WHERE home_id = 2"));
    }
    Map<Long, Account> accounts = new HashMap<>();
    try (SqliteLedger ledger = open()) {
      closeDay(ledger, 1, 0, accounts);
      closeDay(ledger, 2, 0, accounts);
    }
    try (Connection reader = reader()) {
      assertEquals(
          List.of(accounts.get(1L), accounts.get(2L)), accountsIn(reader, "account_totals"));
    }
    try (SqliteLedger ledger = open()) {
      assertEquals(List.of(accounts.get(1L), accounts.get(2L)), ledger.resumeState().accounts());
    }
  }

  /**
   * Closes {@code day} for alice and bob ({@code sittingOut}: the id of a home that did not declare
   * it, or 0), adding it to {@code accounts} as the market does. Alice has a surplus and bob a
   * deficit, so that every column of an account gets a figure of its own: a column the ledger's sum
   * missed or mixed up with another would show.
   */
  private static void closeDay(
      SqliteLedger ledger, long day, long sittingOut, Map<Long, Account> accounts) {
    ledger.dayClosed(closedDay(day, sittingOut, accounts));
  }

  /** Day {@code day} of alice and bob as {@link #closeDay} closes it, added to {@code accounts}. */
  private static ClosedDay closedDay(long day, long sittingOut, Map<Long, Account> accounts) {
    boolean aliceDeclared = sittingOut != 1;
    boolean bobDeclared = sittingOut != 2;
    long given = aliceDeclared && bobDeclared ? 400 + day : 0;
    List<HomeDaySummary> summaries = new ArrayList<>();
    if (aliceDeclared) {
      long produced = 5_000 + 1_000 * day;
      long consumed = 700;
      long wasted = 50;
      long sold = produced - consumed - given - wasted;
      summaries.add(
          new HomeDaySummary(
              1,
              day,
              true,
              produced,
              consumed,
              600,
              0,
              given,
              0,
              600 - given,
              sold,
              0,
              wasted,
              0,
              0,
              sold * 17));
    } else {
      summaries.add(new HomeDaySummary(1, day, false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }
    if (bobDeclared) {
      long produced = 100;
      long consumed = 1_500 + day;
      long shortfall = 30;
      long bought = consumed - produced - given - shortfall;
      summaries.add(
          new HomeDaySummary(
              2,
              day,
              true,
              produced,
              consumed,
              0,
              500,
              0,
              given,
              0,
              0,
              bought,
              0,
              shortfall,
              bought * 19,
              0));
    } else {
      summaries.add(new HomeDaySummary(2, day, false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }
    List<Account> closed = new ArrayList<>();
    for (HomeDaySummary summary : summaries) {
      Account account =
          accounts.getOrDefault(summary.homeId(), Account.empty(summary.homeId())).plus(summary);
      accounts.put(summary.homeId(), account);
      closed.add(account);
    }
    DayTotals totals =
        new DayTotals(
            day,
            (int) summaries.stream().filter(HomeDaySummary::declared).count(),
            summaries.stream().mapToLong(HomeDaySummary::producedWh).sum(),
            summaries.stream().mapToLong(HomeDaySummary::consumedWh).sum(),
            summaries.stream().mapToLong(HomeDaySummary::givenWh).sum(),
            summaries.stream().mapToLong(HomeDaySummary::receivedWh).sum(),
            summaries.stream().mapToLong(HomeDaySummary::soldWh).sum(),
            summaries.stream().mapToLong(HomeDaySummary::boughtWh).sum(),
            summaries.stream().mapToLong(HomeDaySummary::wastedWh).sum(),
            summaries.stream().mapToLong(HomeDaySummary::shortfallWh).sum(),
            summaries.stream().mapToLong(HomeDaySummary::paidMicro).sum(),
            summaries.stream().mapToLong(HomeDaySummary::earnedMicro).sum());
    Tick tick =
        new Tick(
            day, 170_000, 0, 170_000, 10, false, List.of(), 0, 0, 0, 2, CLOCK.instant(), false);
    return new ClosedDay(tick, totals, summaries, closed);
  }

  @Test
  void everyCallerReturnsOnlyOnceItsTradesAreVisibleToAnotherConnection() throws Exception {
    int threads = 8;
    int callsEach = 150;
    try (SqliteLedger ledger = open()) {
      ledger.homeRegistered(new Home(1, "h", Policy.ALWAYS_SELL, "x")).get(10, TimeUnit.SECONDS);
      long commitsBefore = ledger.commits();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int thread = t;
          results.add(
              pool.submit(
                  () -> {
                    int missing = 0;
                    try (Connection reader = reader();
                        PreparedStatement count =
                            reader.prepareStatement(
                                "SELECT count(*) FROM trades WHERE trade_id = ?")) {
                      for (int i = 0; i < callsEach; i++) {
                        long id = thread * 10_000L + i + 1;
                        ledger.tradesExecuted(
                            List.of(
                                new TradeRecord(
                                    id, 1, 1, Side.SELL, 1_000, 170_000, 170_000, "r" + id)));
                        count.setLong(1, id);
                        try (ResultSet row = count.executeQuery()) {
                          row.next();
                          missing += row.getInt(1) == 1 ? 0 : 1;
                        }
                      }
                    }
                    return missing;
                  }));
        }
        for (Future<Integer> result : results) {
          assertEquals(0, result.get(60, TimeUnit.SECONDS), "trades not visible on return");
        }
      } finally {
        pool.shutdownNow();
      }
      long commits = ledger.commits() - commitsBefore;
      assertTrue(commits <= threads * callsEach, "at most one commit per call: " + commits);
    }
    try (Connection reader = reader();
        Statement statement = reader.createStatement();
        ResultSet row = statement.executeQuery("SELECT count(*) FROM trades")) {
      row.next();
      assertEquals(threads * callsEach, row.getInt(1));
    }
  }

  @Test
  void writesWaitingTogetherShareOneCommit() throws Exception {
    try (SqliteLedger ledger = open()) {
      ledger.homeRegistered(new Home(1, "h", Policy.ALWAYS_SELL, "x")).get(10, TimeUnit.SECONDS);
      CountDownLatch release = new CountDownLatch(1);
      // The trades queue up behind the held writer.
      CompletableFuture<Void> blocker = holdWriter(ledger, release);
      int callers = 20;
      ExecutorService pool = Executors.newFixedThreadPool(callers);
      try {
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 1; i <= callers; i++) {
          long id = i;
          calls.add(
              pool.submit(
                  () ->
                      ledger.tradesExecuted(
                          List.of(new TradeRecord(id, 1, 1, Side.BUY, 10, 170_000, 2, "q" + id)))));
        }
        Await.until(
            callers + " callers queued at the writer",
            () -> ledger.writer().queued() >= callers,
            Await.SHORT);
        assertEquals(callers, ledger.writer().queued());
        long commitsBefore = ledger.commits();
        release.countDown();
        blocker.get(10, TimeUnit.SECONDS);
        for (Future<?> call : calls) {
          call.get(10, TimeUnit.SECONDS);
        }
        assertEquals(
            2, ledger.commits() - commitsBefore, "the blocker's commit, then one for all 20");
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void aFailingWriteFailsAloneAndTheOthersInItsBatchAreKept() throws Exception {
    try (SqliteLedger ledger = open()) {
      registerAHomeAndOpenDayOne(ledger);
      TradeRecord trade = new TradeRecord(1, 1, 1, Side.SELL, 10, 170_000, 2, "same");
      ledger.tradesExecuted(List.of(trade));
      TradeRecord ofNoHome = new TradeRecord(2, 99, 1, Side.SELL, 10, 170_000, 2, "stray");
      assertThrows(LedgerException.class, () -> ledger.tradesExecuted(List.of(ofNoHome)));
      ledger.tradesExecuted(List.of(new TradeRecord(3, 1, 1, Side.SELL, 10, 170_000, 2, "other")));
    }
    try (SqliteLedger ledger = open()) {
      assertEquals(3, ledger.resumeState().lastTradeId());
      assertEquals(
          List.of("same", "other"),
          ledger.resumeState().openDayTrades().stream().map(TradeRecord::requestId).toList());
    }
  }

  @Test
  void aFailingTradeWaitingWithOthersFailsAloneAndTheTradesBesideItAreKept() throws Exception {
    try (SqliteLedger ledger = open()) {
      registerAHomeAndOpenDayOne(ledger);
      CountDownLatch release = new CountDownLatch(1);
      // The three trades queue while the writer is held, so that they are written together.
      CompletableFuture<Void> blocker = holdWriter(ledger, release);
      CompletableFuture<Void> before =
          ledger.tradesKept(List.of(new TradeRecord(1, 1, 1, Side.SELL, 10, 170_000, 2, "a")));
      CompletableFuture<Void> ofNoHome =
          ledger.tradesKept(List.of(new TradeRecord(2, 99, 1, Side.SELL, 10, 170_000, 2, "b")));
      CompletableFuture<Void> after =
          ledger.tradesKept(List.of(new TradeRecord(3, 1, 1, Side.SELL, 10, 170_000, 2, "c")));
      assertEquals(3, ledger.writer().queued());
      release.countDown();
      blocker.get(10, TimeUnit.SECONDS);
      before.get(10, TimeUnit.SECONDS);
      after.get(10, TimeUnit.SECONDS);
      ExecutionException failure =
          assertThrows(ExecutionException.class, () -> ofNoHome.get(10, TimeUnit.SECONDS));
      assertInstanceOf(LedgerException.class, failure.getCause());
    }
    try (SqliteLedger ledger = open()) {
      assertEquals(
          List.of("a", "c"),
          ledger.resumeState().openDayTrades().stream().map(TradeRecord::requestId).toList());
    }
  }

  @Test
  void aVersionOneLedgerIsMigratedWithItsTradesKept() throws Exception {
    List<TradeRecord> trades =
        List.of(
            new TradeRecord(1, 1, 1, Side.SELL, 10, 170_000, 2, "first"),
            new TradeRecord(2, 1, 1, Side.BUY, 20, 170_000, 4, "second"));
    try (SqliteLedger ledger = open()) {
      registerAHomeAndOpenDayOne(ledger);
      ledger.tradesExecuted(trades);
    }
    // The trades table as version 1 made it: a unique index over (day, home, request id).
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement statement = connection.createStatement()) {
      accountsAsVersionTwo(statement);
      statement.executeUpdate("DROP INDEX trades_by_day");
      statement.executeUpdate("ALTER TABLE trades RENAME TO trades_v2");
      statement.executeUpdate(
          "CREATE TABLE trades (trade_id INTEGER PRIMARY KEY, day INTEGER NOT NULL,"
              + " home_id INTEGER NOT NULL REFERENCES homes (home_id), side TEXT NOT NULL,"
              + " amount_wh INTEGER NOT NULL, price_micro_eur_per_kwh INTEGER NOT NULL,"
              + " money_micro_eur INTEGER NOT NULL, request_id TEXT,"
              + " UNIQUE (day, home_id, request_id))");
      statement.executeUpdate("INSERT INTO trades SELECT * FROM trades_v2");
      statement.executeUpdate("DROP TABLE trades_v2");
      statement.executeUpdate("PRAGMA user_version = 1");
    }

    try (SqliteLedger ledger = open()) {
      assertEquals(trades, ledger.resumeState().openDayTrades());
      ledger.tradesExecuted(List.of(new TradeRecord(3, 1, 1, Side.SELL, 5, 170_000, 1, "third")));
    }
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement statement = connection.createStatement()) {
      assertEquals(LedgerSchema.VERSION, LedgerSchema.version(connection));
      List<String> indexes = new ArrayList<>();
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'trades'")) {
        while (rows.next()) {
          indexes.add(rows.getString(1));
        }
      }
      assertEquals(List.of("trades_by_day"), indexes);
      try (ResultSet count = statement.executeQuery("SELECT count(*) FROM trades")) {
        assertEquals(3, count.getInt(1));
      }
    }
  }

  @Test
  void aVersionTwoLedgerIsMigratedWithItsAccountsAsTotalsUpToItsLastClosedDay() throws Exception {
    Map<Long, Account> accounts = new HashMap<>();
    try (SqliteLedger ledger = open()) {
      for (Home home : ALICE_AND_BOB) {
        ledger.homeRegistered(home).get(10, TimeUnit.SECONDS);
      }
      for (long day = 1; day <= 3; day++) {
        closeDay(ledger, day, day == 2 ? 1 : 0, accounts);
      }
    }
    try (Connection connection = reader();
        Statement statement = connection.createStatement()) {
      accountsAsVersionTwo(statement);
    }

    try (SqliteLedger ledger = open();
        Connection reader = reader()) {
      assertEquals(List.of(accounts.get(1L), accounts.get(2L)), ledger.resumeState().accounts());
      assertEquals(LedgerSchema.VERSION, LedgerSchema.version(reader));
      assertEquals(3, throughDay(reader));
      closeDay(ledger, 4, 0, accounts);
      assertEquals(List.of(accounts.get(1L), accounts.get(2L)), accountsIn(reader, "accounts"));
    }
    try (SqliteLedger ledger = open()) {
      assertEquals(List.of(accounts.get(1L), accounts.get(2L)), ledger.resumeState().accounts());
    }
  }

  /**
   * Turns the accounts back into version 2's table, which every close rewrote: as of the last
   * closed day.
   */
  private static void accountsAsVersionTwo(Statement statement) throws Exception {
    statement.executeUpdate(
        "CREATE TABLE accounts_v2 (home_id INTEGER PRIMARY KEY REFERENCES homes (home_id),"
            + " balance_micro_eur INTEGER NOT NULL, produced_wh INTEGER NOT NULL,"
            + " consumed_wh INTEGER NOT NULL, given_wh INTEGER NOT NULL,"
            + " received_wh INTEGER NOT NULL, sold_wh INTEGER NOT NULL,"
            + " bought_wh INTEGER NOT NULL, wasted_wh INTEGER NOT NULL,"
            + " shortfall_wh INTEGER NOT NULL, paid_micro_eur INTEGER NOT NULL,"
            + " earned_micro_eur INTEGER NOT NULL, days INTEGER NOT NULL)");
    statement.executeUpdate("INSERT INTO accounts_v2 SELECT * FROM accounts");
    statement.executeUpdate("DROP VIEW accounts");
    statement.executeUpdate("DROP TABLE account_totals");
    statement.executeUpdate("DROP TABLE account_checkpoint");
    statement.executeUpdate("ALTER TABLE accounts_v2 RENAME TO accounts");
    statement.executeUpdate("PRAGMA user_version = 2");
  }

  @Test
  void aFileThatIsNotSqliteIsRefusedAndLeftAsItWas() throws Exception {
    Files.writeString(file(), "name,price\nalice,0.17\n", StandardCharsets.UTF_8);
    assertRefused("is not an SQLite database");
  }

  @Test
  void anEmptyFileIsRefusedAndLeftAsItWas() throws Exception {
    Files.write(file(), new byte[0]);
    assertRefused("is not an SQLite database");
  }

  @Test
  void anotherProgramsSqliteDatabaseIsRefusedAndLeftAsItWas() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
      statement.executeUpdate("INSERT INTO notes (text) VALUES ('keep me')");
    }
    assertRefused("another program's SQLite database");
  }

  @Test
  void aLedgerOfANewerSchemaIsRefusedAndLeftAsItWas() throws Exception {
    open().close();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("PRAGMA user_version = " + (LedgerSchema.VERSION + 1));
    }
    assertRefused("newer market (schema version " + (LedgerSchema.VERSION + 1));
  }

  @Test
  void aCorruptLedgerIsRefusedAndLeftAsItWas() throws Exception {
    try (SqliteLedger ledger = open()) {
      for (int i = 1; i <= 200; i++) {
        ledger.homeRegistered(new Home(i, "home-" + i, Policy.ALWAYS_SELL, "x".repeat(64))).join();
      }
    }
    byte[] bytes = Files.readAllBytes(file());
    int pageSize = ((bytes[16] & 0xff) << 8) | (bytes[17] & 0xff);
    assertTrue(bytes.length >= 4 * pageSize, "several pages: " + bytes.length);
    // Scribble over every page after the schema's: the tables' b-trees no longer parse.
    for (int i = pageSize; i < bytes.length; i++) {
      bytes[i] = (byte) 0x5A;
    }
    Files.write(file(), bytes);
    assertRefused("is corrupt");
  }

  @Test
  void aLedgerInUseByAnotherMarketIsRefused() throws Exception {
    try (SqliteLedger first = open()) {
      UnusableLedgerException refused = assertThrows(UnusableLedgerException.class, this::open);
      assertTrue(refused.getMessage().contains("in use by another market"), refused.getMessage());
      first.started(new MarketStart(CLOCK.instant(), 1, Pace.fast(Duration.ofSeconds(1)), 5, 4, 8));
    }
    open().close();
  }

  private void assertRefused(String why) throws Exception {
    byte[] before = Files.readAllBytes(file());
    UnusableLedgerException refused = assertThrows(UnusableLedgerException.class, this::open);
    String message = refused.getMessage();
    assertTrue(message.contains(file().toString()), "names the file: " + message);
    assertTrue(message.contains(why), "says '" + why + "': " + message);
    assertFalse(message.contains("\n"), "one line: " + message);
    assertArrayEquals(before, Files.readAllBytes(file()), "the file is untouched");
  }

  private Connection reader() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + file());
  }

  /** Home 1, declared for day 1, whose trades may then be kept. */
  private static void registerAHomeAndOpenDayOne(SqliteLedger ledger) throws Exception {
    ledger.homeRegistered(new Home(1, "h", Policy.ALWAYS_SELL, "x")).get(10, TimeUnit.SECONDS);
    ledger.giftsMatched(
        new OpenDay(1, 170_000, 20, false, List.of(new Declaration(1, 1_000, 0, 0, 0, 0, 0, 0))));
  }

  /**
   * Holds the ledger's writer inside a transaction until {@code release}; returns once it is
   * inside, so that writes sent then queue up behind it (a writer slow to wake would otherwise take
   * some of them into the blocker's own batch). The future completes when the blocker is committed.
   */
  private static CompletableFuture<Void> holdWriter(SqliteLedger ledger, CountDownLatch release)
      throws InterruptedException {
    CountDownLatch entered = new CountDownLatch(1);
    CompletableFuture<Void> blocker =
        ledger
            .writer()
            .submit(
                "blocker",
                writes -> {
                  entered.countDown();
                  awaitQuietly(release);
                });
    assertTrue(entered.await(10, TimeUnit.SECONDS), "the writer took the blocker");
    return blocker;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

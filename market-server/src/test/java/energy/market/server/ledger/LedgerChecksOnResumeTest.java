package energy.market.server.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.model.Policy;
import energy.market.model.Side;
import energy.market.server.day.Account;
import energy.market.server.day.DayTotals;
import energy.market.server.day.HomeDay;
import energy.market.server.day.HomeDaySummary;
import energy.market.server.day.TradeIds;
import energy.market.server.day.TradeRecord;
import energy.market.server.feed.Tick;
import energy.market.server.homes.Home;
import energy.market.server.price.EventCatalog;
import energy.market.server.price.PriceParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ledger whose cells cannot be read, or whose accounts do not add up, is refused at open with one
 * line naming the file and what is wrong, and left byte for byte as it was.
 */
class LedgerChecksOnResumeTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final RunParameters RUN =
      new RunParameters(
          7,
          new PriceParameters(160_000, 170_000, 0.9, 120.5, 250, 14.5, 23, 20_000, 1_500_000),
          EventCatalog.defaults());

  @TempDir Path dir;

  private Path file() {
    return dir.resolve(SqliteLedger.FILE_NAME);
  }

  /** A ledger of one closed day: alice sells 20 kWh, bob buys 4 kWh. */
  @BeforeEach
  void oneClosedDay() throws Exception {
    Home alice = new Home(1, "alice", Policy.ALWAYS_SELL, "a".repeat(64));
    Home bob = new Home(2, "bob", Policy.ALWAYS_GIVE, "b".repeat(64));
    TradeIds ids = new TradeIds(0);
    HomeDay aliceDay = new HomeDay(alice, 1);
    HomeDay bobDay = new HomeDay(bob, 1);
    aliceDay.declare(30_000, 10_000);
    bobDay.declare(5_000, 9_000);
    aliceDay.applyGifts(0, 0);
    bobDay.applyGifts(0, 0);
    List<TradeRecord> trades =
        List.of(
            aliceDay.trade(Side.SELL, 20_000, 170_000, "a1", ids).record(),
            bobDay.trade(Side.BUY, 4_000, 170_000, "b1", ids).record());
    List<HomeDaySummary> summaries = List.of(aliceDay.summary(), bobDay.summary());
    DayTotals totals = DayTotals.settle(1, summaries, trades);
    List<Account> accounts = new ArrayList<>();
    for (HomeDaySummary summary : summaries) {
      accounts.add(Account.empty(summary.homeId()).plus(summary));
    }
    Tick tick =
        new Tick(
            1,
            171_000,
            1_000,
            170_000,
            12.5,
            false,
            List.of(),
            totals.boughtWh(),
            totals.soldWh(),
            totals.givenWh(),
            totals.homes(),
            CLOCK.instant(),
            false);
    try (SqliteLedger ledger = SqliteLedger.open(file(), RUN, CLOCK)) {
      ledger.homeRegistered(alice).join();
      ledger.homeRegistered(bob).join();
      ledger.tradesExecuted(trades);
      ledger.dayClosed(new ClosedDay(tick, totals, summaries, accounts));
    }
    // The untouched ledger opens: the checks accept what the market itself writes.
    SqliteLedger.open(file(), RUN, CLOCK).close();
  }

  @Test
  void textInANumberColumnIsRefusedNamingTableRowAndColumn() throws Exception {
    change("UPDATE days SET price_micro_eur_per_kwh = 'twelve' WHERE day = 1");
    assertRefused(
        "holds a value the market cannot read: table days, row with day = 1,"
            + " column price_micro_eur_per_kwh: 'twelve' is not an integer");
  }

  @Test
  void anUnknownPolicyLabelIsRefused() throws Exception {
    change("UPDATE homes SET policy = 'always-hoard' WHERE name = 'bob'");
    assertRefused(
        "table homes, row with home_id = 2, column policy: 'always-hoard' is not a policy");
  }

  @Test
  void aTimeThatIsNotIso8601IsRefused() throws Exception {
    change("UPDATE days SET closed_at = 'yesterday' WHERE day = 1");
    assertRefused("column closed_at: 'yesterday' is not an ISO-8601 time");
  }

  @Test
  void aBalanceThatIsNotEarnedMinusPaidIsRefusedNamingTheHome() throws Exception {
    change("UPDATE account_totals SET balance_micro_eur = balance_micro_eur + 1 WHERE home_id = 2");
    assertRefused("does not add up: home bob (id 2): balance_micro_eur is ");
  }

  @Test
  void anAccountWhoseEnergyDoesNotBalanceIsRefused() throws Exception {
    change("UPDATE account_totals SET produced_wh = produced_wh + 5 WHERE home_id = 1");
    assertRefused(
        "does not add up: home alice (id 1): its energy does not balance: produced + received"
            + " + bought + shortfall = 30005 + 0 + 0 + 0 = 30005 Wh");
  }

  @Test
  void anAccountThatDisagreesWithItsDaysIsRefusedNamingTheHome() throws Exception {
    // Balanced by itself, but not what the home's settled days add up to.
    change(
        "UPDATE account_totals SET produced_wh = produced_wh + 5, wasted_wh = wasted_wh + 5"
            + " WHERE home_id = 1");
    assertRefused(
        "does not add up: home alice (id 1): produced_wh is 30005 in its account, but its settled"
            + " days (home_days) add up to 30000");
  }

  /** Changes the ledger as another program would, past the schema's own checks. */
  private void change(String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA ignore_check_constraints = ON");
      statement.executeUpdate(sql);
    }
  }

  private void assertRefused(String why) throws Exception {
    byte[] before = Files.readAllBytes(file());
    UnusableLedgerException refused =
        assertThrows(UnusableLedgerException.class, () -> SqliteLedger.open(file(), RUN, CLOCK));
    String message = refused.getMessage();
    assertTrue(message.startsWith(file().toString()), "names the file first: " + message);
    assertTrue(message.contains(why), "says '" + why + "': " + message);
    assertFalse(message.contains("\n"), "one line: " + message);
    assertArrayEquals(before, Files.readAllBytes(file()), "the file is untouched");
  }
}

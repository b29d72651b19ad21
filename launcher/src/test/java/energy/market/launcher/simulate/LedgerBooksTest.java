package energy.market.launcher.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.launcher.model.DayRecord;
import energy.market.launcher.model.HomeAccount;
import energy.market.model.Policy;
import energy.market.server.homes.Home;
import energy.market.server.ledger.RunParameters;
import energy.market.server.ledger.SqliteLedger;
import energy.market.server.price.EventCatalog;
import energy.market.server.price.PriceParameters;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's books read from a real ledger file, as simulate does once its market stopped. */
class LedgerBooksTest {
  private static final RunParameters RUN =
      new RunParameters(
          7,
          new PriceParameters(160_000, 170_000, 0.9, 120.5, 250, 14.5, 23, 20_000, 1_500_000),
          EventCatalog.defaults());

  @TempDir Path dir;

  @Test
  void theAccountsComeInTheOrderAskedAndANameNeverRegisteredIsMissing() throws Exception {
    Path file = dir.resolve(SqliteLedger.FILE_NAME);
    try (SqliteLedger ledger = SqliteLedger.open(file, RUN, Clock.systemUTC())) {
      ledger
          .homeRegistered(new Home(1, "alice", Policy.ALWAYS_SELL, "a".repeat(64)))
          .get(10, TimeUnit.SECONDS);
      ledger
          .homeRegistered(new Home(2, "bob", Policy.ALWAYS_GIVE, "b".repeat(64)))
          .get(10, TimeUnit.SECONDS);
    }

    DayRecord fromTheFeed = day(1);
    LedgerBooks books =
        LedgerBooks.forResults(
            file, 30, List.of(fromTheFeed), List.of("bob", "carol", "alice"), silent());

    assertEquals(List.of(), books.days(), "the ledger closed no day, whatever the feed showed");
    LedgerAccounts.Found found = books.accounts();

    assertEquals(
        List.of("bob", "alice"), found.accounts().stream().map(HomeAccount::name).toList());
    assertEquals(
        List.of("always-give", "always-sell"),
        found.accounts().stream().map(HomeAccount::policy).toList());
    assertEquals(0, found.accounts().get(0).balanceMicro(), "no day closed: an empty account");
    assertEquals(List.of("carol (never registered)"), found.missing());
  }

  @Test
  void withoutALedgerTheDaysAreTheFeedsAndThereAreNoAccounts() {
    StringWriter text = new StringWriter();
    LedgerBooks books =
        LedgerBooks.forResults(
            dir.resolve(SqliteLedger.FILE_NAME),
            30,
            List.of(day(1), day(2)),
            List.of("alice"),
            new PrintWriter(text));
    assertEquals(List.of(1L, 2L), books.days().stream().map(DayRecord::day).toList());
    assertNull(books.accounts());
    assertEquals("", text.toString());
  }

  @Test
  void aFileThatIsNotALedgerGivesTheFeedsDaysNoAccountsAndOneLine() throws Exception {
    Path file = dir.resolve(SqliteLedger.FILE_NAME);
    Files.writeString(file, "not a ledger\n", StandardCharsets.UTF_8);
    StringWriter text = new StringWriter();
    LedgerBooks books =
        LedgerBooks.forResults(file, 30, List.of(day(1)), List.of("alice"), new PrintWriter(text));
    assertEquals(List.of(1L), books.days().stream().map(DayRecord::day).toList());
    assertNull(books.accounts());
    assertTrue(
        text.toString().startsWith("the results hold the days the price feed showed, and no"),
        text.toString());
    assertTrue(text.toString().contains("not an SQLite database"), text.toString());
    assertEquals(1, text.toString().lines().count(), text.toString());
  }

  private static PrintWriter silent() {
    return new PrintWriter(new StringWriter());
  }

  private static DayRecord day(long day) {
    return new DayRecord(
        day, 170_000, 0, 12.5, false, List.of(), 0, 0, 0, 1, Instant.parse("2026-01-01T00:00:00Z"));
  }
}

package energy.market.launcher.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's accounts read from a real ledger file, as simulate does once its market stopped. */
class LedgerAccountsTest {
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

    LedgerAccounts.Found found = LedgerAccounts.read(file, List.of("bob", "carol", "alice"));

    assertEquals(
        List.of("bob", "alice"), found.accounts().stream().map(HomeAccount::name).toList());
    assertEquals(
        List.of("always-give", "always-sell"),
        found.accounts().stream().map(HomeAccount::policy).toList());
    assertEquals(0, found.accounts().get(0).balanceMicro(), "no day closed: an empty account");
    assertEquals(List.of("carol (never registered)"), found.missing());
  }

  @Test
  void withoutALedgerThereAreNoAccounts() {
    StringWriter text = new StringWriter();
    assertNull(
        LedgerAccounts.forResults(
            dir.resolve(SqliteLedger.FILE_NAME), List.of("alice"), new PrintWriter(text)));
    assertEquals("", text.toString());
  }

  @Test
  void aFileThatIsNotALedgerGivesNoAccountsAndOneLine() throws Exception {
    Path file = dir.resolve(SqliteLedger.FILE_NAME);
    Files.writeString(file, "not a ledger\n", StandardCharsets.UTF_8);
    StringWriter text = new StringWriter();
    assertNull(LedgerAccounts.forResults(file, List.of("alice"), new PrintWriter(text)));
    assertTrue(text.toString().startsWith("could not read the homes' accounts: "), text.toString());
    assertEquals(1, text.toString().lines().count(), text.toString());
  }
}

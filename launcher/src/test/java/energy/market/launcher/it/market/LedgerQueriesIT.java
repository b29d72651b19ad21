package energy.market.launcher.it.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import energy.market.api.v1.PriceTick;
import energy.market.api.v1.TradePolicy;
import energy.market.client.Channels;
import energy.market.launcher.it.RunningMarket;
import energy.market.server.TestHomeProcess;
import energy.market.server.TestHomeProcess.HomeSpec;
import energy.market.server.TestHomeProcess.Kind;
import energy.market.server.ledger.SqliteLedger;
import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger as a user reads it: the real {@code sqlite3} command runs the two example queries of
 * the README on the ledger a real market process wrote, and gets the prices the homes saw and the
 * sellers the trades make.
 */
class LedgerQueriesIT {
  /** The README's price series query, word for word. */
  static final String PRICE_SERIES =
      "SELECT day, printf('%.6f', price_micro_eur_per_kwh / 1e6) AS price_eur_per_kwh,"
          + " temperature_celsius, weather_stale FROM days ORDER BY day;";

  /** The README's top sellers query, word for word. */
  static final String TOP_SELLERS =
      "SELECT h.name, h.policy, printf('%.3f', a.sold_wh / 1000.0) AS sold_kwh,"
          + " printf('%.6f', a.earned_micro_eur / 1e6) AS earned_eur"
          + " FROM accounts a JOIN homes h ON h.home_id = a.home_id"
          + " WHERE a.sold_wh > 0 ORDER BY a.sold_wh DESC, h.name LIMIT 5;";

  private static final long DAYS = 4;

  @TempDir Path dataDir;

  @Test
  void theReadmeQueriesReadTheLedgerOfARealMarketRunWithSqlite3() throws Exception {
    requireSqlite3();
    TestHomeProcess homes =
        new TestHomeProcess(
            "homes",
            List.of(
                new HomeSpec("ada", TradePolicy.TRADE_POLICY_ALWAYS_SELL, Kind.NORMAL),
                new HomeSpec("bea", TradePolicy.TRADE_POLICY_SELL_IF_NO_TAKERS, Kind.NORMAL),
                new HomeSpec("cy", TradePolicy.TRADE_POLICY_ALWAYS_GIVE, Kind.NORMAL),
                new HomeSpec("dan", TradePolicy.TRADE_POLICY_ALWAYS_SELL, Kind.NORMAL),
                new HomeSpec("eve", TradePolicy.TRADE_POLICY_SELL_IF_NO_TAKERS, Kind.NORMAL),
                new HomeSpec("fay", TradePolicy.TRADE_POLICY_ALWAYS_SELL, Kind.NORMAL)));
    try (ChildProcess market =
        RunningMarket.start(
            dataDir,
            "--day-length",
            "0",
            "--phase-deadline",
            "20s",
            "--await-homes",
            "6",
            "--days",
            Long.toString(DAYS),
            "--exit-when-done")) {
      market.awaitLine("new ledger .*" + SqliteLedger.FILE_NAME, Await.LONG);
      int port = Integer.parseInt(market.awaitLine("market listening on port (\\d+)", Await.LONG));
      ManagedChannel channel = Channels.open("127.0.0.1", port);
      try {
        homes.connect(channel);
        homes.awaitClosed(DAYS, Await.LONG);
        assertEquals(0, market.awaitExit(Await.LONG), "--exit-when-done exits: " + market);
      } finally {
        homes.close();
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
    Path ledger = dataDir.resolve(SqliteLedger.FILE_NAME);

    List<String> expectedPrices = new ArrayList<>();
    for (PriceTick tick : homes.ticks()) {
      expectedPrices.add(
          String.format(
              Locale.ROOT,
              "%d|%.6f|%s|%d",
              tick.getDay(),
              tick.getPriceMicroEurPerKwh() / 1e6,
              trimmed(tick.getTemperatureCelsius()),
              tick.getWeatherStale() ? 1 : 0));
    }
    assertEquals(expectedPrices, sqlite3(ledger, PRICE_SERIES));

    // The sellers, computed independently from the trades themselves.
    List<String> expectedSellers = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + ledger);
        Statement statement = db.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT h.name, h.policy, sum(t.amount_wh), sum(t.money_micro_eur)"
                    + " FROM trades t JOIN homes h ON h.home_id = t.home_id"
                    + " WHERE t.side = 'sell' GROUP BY h.name"
                    + " ORDER BY sum(t.amount_wh) DESC, h.name LIMIT 5")) {
      while (row.next()) {
        expectedSellers.add(
            String.format(
                Locale.ROOT,
                "%s|%s|%.3f|%.6f",
                row.getString(1),
                row.getString(2),
                row.getLong(3) / 1000.0,
                row.getLong(4) / 1e6));
      }
    }
    assertFalse(expectedSellers.isEmpty(), "the homes sold something");
    assertEquals(expectedSellers, sqlite3(ledger, TOP_SELLERS));
  }

  /** How sqlite3 prints a REAL: 18.5, 21.0, -3.25. */
  private static String trimmed(double value) {
    return Double.toString(value);
  }

  private static void requireSqlite3() throws InterruptedException {
    try {
      Process probe = new ProcessBuilder("sqlite3", "-version").redirectErrorStream(true).start();
      if (probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0) {
        return;
      }
    } catch (IOException e) {
      // not installed: fail below
    }
    fail(
        "the sqlite3 command is not on PATH; this test reads the ledger as a user would."
            + " Install it (Debian: apt-get install sqlite3; .ci/run does that)");
  }

  private static List<String> sqlite3(Path database, String query) throws Exception {
    Process process =
        new ProcessBuilder("sqlite3", "-readonly", database.toString(), query)
            .redirectErrorStream(true)
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "sqlite3 finished");
    String text = new String(output, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), "sqlite3 failed: " + text);
    return text.isBlank() ? List.of() : List.of(text.strip().split("\\R"));
  }
}

package energy.market.launcher.it.market;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import energy.market.launcher.it.RunningMarket;
import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The market process facing faults of its machine and its files: each is one line on stderr, no
 * stack trace, the exit code of the error convention, and nothing created or changed that should
 * not be.
 */
class MarketFaultsIT {
  private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");

  @TempDir Path dir;

  @Test
  void aPortInUseStopsTheStartBeforeALedgerOrATokenIsCreated() throws Exception {
    Path dataDir = dir.resolve("data");
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ChildProcess market =
            ChildProcess.role(
                "market",
                "market",
                List.of(
                    "--port",
                    Integer.toString(taken.getLocalPort()),
                    "--bind",
                    "127.0.0.1",
                    "--data-dir",
                    dataDir.toString()))) {
      assertEquals(1, market.awaitExit(Await.LONG), market.transcript());
      assertEquals(
          "[err] market: port "
              + taken.getLocalPort()
              + " is in use on 127.0.0.1 (is another market running? pick another --port, or"
              + " --port 0 for any free one)",
          market.transcript());
    }
    assertFalse(Files.exists(dataDir), "no data directory, ledger or operator token was made");
  }

  @Test
  void aDiskThatRefusesTheLedgerItsWritesStopsTheMarketWithOneLine() throws Exception {
    assumeTrue(Files.isExecutable(PRLIMIT), "needs prlimit (util-linux) to limit a file size");
    Path dataDir = dir.resolve("data");
    try (RunningMarket market = new RunningMarket(dataDir, "--day-length", "100ms")) {
      market.process.awaitLine("^day 2 closed", Await.LONG);
      // From now on every write of the market to a file fails with EFBIG, as on a full disk (the
      // JVM ignores SIGXFSZ); its output goes to pipes, which the limit does not touch.
      run(PRLIMIT.toString(), "--pid", Long.toString(market.process.pid()), "--fsize=1:");
      assertEquals(1, market.process.awaitExit(Await.LONG), market.process.transcript());
      List<String> errors = errorLines(market.process);
      assertEquals(1, errors.size(), "one line: " + market.process.transcript());
      String error = errors.get(0);
      assertTrue(error.startsWith("market: stopped: " + dataDir.resolve("ledger.db")), error);
      assertTrue(error.contains("the disk refused a write"), error);
      assertFalse(market.process.transcript().contains("\tat "), market.process.transcript());
    }
    // Nothing it acknowledged was lost: the next start resumes from the same ledger.
    try (RunningMarket again = new RunningMarket(dataDir, "--day-length", "100ms")) {
      again.process.awaitLine("^day \\d+ closed", Await.LONG);
      assertTrue(
          again.process.transcript().contains("resuming after day "), again.process.transcript());
    }
  }

  @Test
  void aLedgerValueThatCannotBeReadIsRefusedWithExitCode2AndTheFileIsUntouched() throws Exception {
    Path dataDir = dir.resolve("data");
    Path ledger = ledgerOfThreeDays(dataDir);
    change(ledger, "UPDATE days SET price_micro_eur_per_kwh = 'cheap' WHERE day = 2");
    assertRefused(
        dataDir,
        ledger,
        "holds a value the market cannot read: table days, row with day = 2, column"
            + " price_micro_eur_per_kwh: 'cheap' is not an integer");
  }

  @Test
  void accountsThatDoNotAddUpAreRefusedWithExitCode2NamingTheHome() throws Exception {
    Path dataDir = dir.resolve("data");
    Path ledger = ledgerOfThreeDays(dataDir);
    change(
        ledger,
        "INSERT INTO homes (home_id, name, policy, token_sha256)"
            + " VALUES (1, 'mallory', 'always-sell', 'x')");
    change(
        ledger,
        "INSERT INTO account_totals (home_id, balance_micro_eur, produced_wh, consumed_wh, given_wh,"
            + " received_wh, sold_wh, bought_wh, wasted_wh, shortfall_wh, paid_micro_eur,"
            + " earned_micro_eur, days) VALUES (1, 5000000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)");
    assertRefused(
        dataDir,
        ledger,
        "does not add up: home mallory (id 1): balance_micro_eur is 5000000, but earned - paid is"
            + " 0 - 0 = 0");
  }

  /** A real market's ledger: three days closed, then it exits by itself. */
  private static Path ledgerOfThreeDays(Path dataDir) throws Exception {
    try (ChildProcess market =
        RunningMarket.start(dataDir, "--day-length", "0", "--days", "3", "--exit-when-done")) {
      assertEquals(0, market.awaitExit(Await.LONG), market.transcript());
    }
    return dataDir.resolve("ledger.db");
  }

  private static void assertRefused(Path dataDir, Path ledger, String why) throws Exception {
    byte[] before = Files.readAllBytes(ledger);
    try (ChildProcess market = RunningMarket.start(dataDir)) {
      assertEquals(2, market.awaitExit(Await.LONG), market.transcript());
      String transcript = market.transcript();
      assertEquals(1, transcript.lines().count(), "one line: " + transcript);
      assertTrue(transcript.startsWith("[err] market: " + ledger + " "), transcript);
      assertTrue(transcript.contains(why), "says '" + why + "': " + transcript);
      assertTrue(
          transcript.endsWith(
              "; the file was left as it was (move it away, or use another" + " --data-dir)"),
          transcript);
    }
    assertArrayEquals(before, Files.readAllBytes(ledger), "the ledger is byte for byte as it was");
  }

  /** Changes the ledger as another program would, past the schema's checks. */
  private static void change(Path ledger, String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + ledger);
        Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA ignore_check_constraints = ON");
      statement.executeUpdate(sql);
    }
  }

  private static List<String> errorLines(ChildProcess process) {
    List<String> errors = new ArrayList<>();
    for (String line : process.transcript().split("\n")) {
      if (line.startsWith("[err] ")) {
        errors.add(line.substring("[err] ".length()));
      }
    }
    return errors;
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), String.join(" ", command));
    assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
  }
}

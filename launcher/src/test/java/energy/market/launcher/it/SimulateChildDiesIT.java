package energy.market.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a child of {@code simulate} dies mid-run, the run ends with exit code 1, and its results
 * agree with each other: ledger.db, prices.csv and run.json hold the same days, however many the
 * market closed or kept before it stopped.
 */
class SimulateChildDiesIT {
  @TempDir Path dir;

  @Test
  void aHomeProcessKilledMidRunLeavesResultsThatHoldTheSameDays() throws Exception {
    // The market goes on closing days while the run stops: they are in the ledger, so they are
    // in the results too.
    assertResultsAgreeAfterKilling("it-home-dies", "pids (\\d+)");
  }

  @Test
  void theMarketKilledMidRunLeavesResultsThatHoldTheSameDays() throws Exception {
    // A day the market committed but whose tick never reached the feed is in the ledger.
    assertResultsAgreeAfterKilling("it-market-dies", "market\\s+pid (\\d+)");
  }

  /** Runs simulate, kills with SIGKILL the child whose pid {@code pidPattern} finds, compares. */
  private void assertResultsAgreeAfterKilling(String name, String pidPattern) throws Exception {
    String runId = name + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    Path results = dir.resolve("results");
    try (ChildProcess launcher =
        Launch.endlessSimulation(
            results, "--homes", "4", "--home-processes", "2", "--run-id", runId)) {
      long pid = Long.parseLong(launcher.awaitLine(pidPattern, Await.LONG));
      launcher.awaitLine("day 3: price", Await.LONG);
      assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly(), "SIGKILL " + pid);
      assertEquals(1, launcher.awaitExit(Await.LONG), launcher.transcript());
    }
    Path runDir = results.resolve(runId);
    Struct json = RunChecks.runJson(runDir);
    Struct outcome = json.getFieldsOrThrow("outcome").getStructValue();
    assertEquals(
        "child_died", outcome.getFieldsOrThrow("status").getStringValue(), outcome::toString);

    List<Long> ledgerDays = ledgerDays(runDir.resolve("ledger.db"));
    List<Long> csvDays = new ArrayList<>();
    for (String[] row : RunChecks.rows(runDir.resolve("prices.csv"))) {
      csvDays.add(Long.parseLong(row[0]));
    }
    assertFalse(ledgerDays.isEmpty(), "days closed before the kill");
    assertEquals(ledgerDays, csvDays, "prices.csv holds the ledger's days");
    assertEquals(
        ledgerDays.size(),
        (long) outcome.getFieldsOrThrow("days_closed").getNumberValue(),
        "run.json counts the ledger's days");
    RunChecks.nothingLeft(runId, json);
  }

  private static List<Long> ledgerDays(Path ledger) throws Exception {
    List<Long> days = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + ledger);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT day FROM days ORDER BY day")) {
      while (rows.next()) {
        days.add(rows.getLong(1));
      }
    }
    return days;
  }
}

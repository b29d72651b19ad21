package energy.market.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (SIGINT) in the middle of a run stops everything cleanly within seconds. */
class SimulateInterruptIT {
  @TempDir Path dir;

  @Test
  void sigintStopsEveryProcessAndExitsWith130() throws Exception {
    String runId = "it-int-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    Path results = dir.resolve("results");
    try (ChildProcess launcher =
        Launch.energyMarket(
            "simulate",
            "--homes",
            "4",
            "--days",
            "1000",
            "--day-length",
            "200ms",
            "--results-dir",
            results.toString(),
            "--run-id",
            runId)) {
      // Not a terminal: the live view prints one line per day.
      launcher.awaitLine("day 2: price", Await.LONG);

      long sent = System.nanoTime();
      launcher.signal("INT");
      int code = launcher.awaitExit(Await.LONG);
      Duration took = Duration.ofNanos(System.nanoTime() - sent);

      assertEquals(130, code, launcher.transcript());
      // Far less than the 1000 days left; generous, because the machine may be busy.
      assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "stopped in " + took);
      assertTrue(launcher.transcript().contains("interrupted (SIGINT)"), launcher.transcript());
    }
    Struct json = RunChecks.runJson(results.resolve(runId));
    assertEquals(
        "signal",
        json.getFieldsOrThrow("outcome")
            .getStructValue()
            .getFieldsOrThrow("status")
            .getStringValue());
    assertTrue(RunChecks.rows(results.resolve(runId).resolve("prices.csv")).size() >= 2);
    RunChecks.nothingLeft(runId, json);
  }
}

package energy.market.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.testing.ChildProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of one fast day ends as soon as its day closed: its homes may have left after it before the
 * launcher first hears from the market, which must not leave the launcher waiting for them.
 */
class SimulateOneDayIT {
  @TempDir Path dir;

  @Test
  void aOneDayRunCompletesEvenWhenItsHomesLeftBeforeTheLauncherLooked() throws Exception {
    String runId = "it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    Path results = dir.resolve("results");
    int code;
    String output;
    try (ChildProcess launcher =
        Launch.energyMarket(
            "simulate",
            "--phase-deadline",
            "120s",
            // Long enough for a busy machine, short enough that a launcher left waiting fails the
            // test with its own message rather than the test's deadline.
            "--startup-timeout",
            "120s",
            "--homes",
            "8",
            "--home-processes",
            "4",
            "--days",
            "1",
            "--headless",
            "--results-dir",
            results.toString(),
            "--run-id",
            runId)) {
      code = launcher.awaitExit(Duration.ofMinutes(5));
      output = launcher.transcript();
    }
    assertEquals(0, code, output);
    assertTrue(output.contains("run " + runId + " completed: all 1 days closed"), output);
    List<String[]> prices = RunChecks.rows(results.resolve(runId).resolve("prices.csv"));
    assertEquals(1, prices.size(), "one row for the one day");
    assertEquals("8", prices.get(0)[7], "every home took part in the day");
  }
}

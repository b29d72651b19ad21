package energy.market.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) in the middle of a run stops everything cleanly within seconds; the children
 * leave Ctrl-C and a closed terminal (SIGHUP), which reach them too, to the launcher.
 */
class SimulateInterruptIT {
  @TempDir Path dir;

  @Test
  void childrenIgnoreSigintAndSighupAndTheRunGoesOn() throws Exception {
    String runId = "it-ign-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    Path results = dir.resolve("results");
    try (ChildProcess launcher = longRun(results, runId, 2)) {
      launcher.awaitLine("day 2: price", Await.LONG);
      List<ProcessHandle> children =
          ProcessHandle.of(launcher.pid()).orElseThrow().children().toList();
      // The market, the two daemons and at least one process of homes.
      assertTrue(children.size() >= 4, children.toString());

      for (ProcessHandle child : children) {
        for (String signal : List.of("INT", "HUP")) {
          Process kill =
              new ProcessBuilder("kill", "-s", signal, Long.toString(child.pid()))
                  .inheritIO()
                  .start();
          assertEquals(0, kill.waitFor(), "kill -s " + signal + " " + child.pid());
        }
      }
      // Two days more: every child still takes part (a child that died would end the run).
      launcher.awaitLine("day 5: price", Await.LONG);
      for (ProcessHandle child : children) {
        assertTrue(child.isAlive(), child.pid() + " died of a terminal signal");
      }

      launcher.signal("INT");
      assertEquals(130, launcher.awaitExit(Await.LONG), launcher.transcript());
    }
    RunChecks.nothingLeft(runId, RunChecks.runJson(results.resolve(runId)));
  }

  @Test
  void sigintStopsEveryProcessAndExitsWith130() throws Exception {
    String runId = "it-int-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    Path results = dir.resolve("results");
    try (ChildProcess launcher = longRun(results, runId, 4)) {
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

  /** A run of 1,000 days of 200 ms: it ends only when stopped. */
  private static ChildProcess longRun(Path results, String runId, int homes) throws IOException {
    return Launch.energyMarket(
        "simulate",
        "--homes",
        Integer.toString(homes),
        "--days",
        "1000",
        "--day-length",
        "200ms",
        "--results-dir",
        results.toString(),
        "--run-id",
        runId);
  }
}

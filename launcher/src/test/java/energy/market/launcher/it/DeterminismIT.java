package energy.market.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import energy.market.testing.ChildProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** J6: the same seed gives byte-identical prices.csv and homes.csv whatever the home processes. */
class DeterminismIT {
  @TempDir Path dir;

  private Path run(int processes) throws Exception {
    String runId = "it-det-" + processes + "-" + ProcessHandle.current().pid();
    Path results = dir.resolve("results");
    try (ChildProcess launcher =
        Launch.energyMarket(
            "simulate",
            // Phases wait for every home, so a busy machine slows the run instead of changing it.
            "--phase-deadline",
            "120s",
            "--startup-timeout",
            "300s",
            "--homes",
            "30",
            "--home-processes",
            Integer.toString(processes),
            "--days",
            "10",
            "--seed",
            "7",
            "--headless",
            "--results-dir",
            results.toString(),
            "--run-id",
            runId)) {
      assertEquals(0, launcher.awaitExit(Duration.ofMinutes(10)), launcher.transcript());
    }
    RunChecks.nothingLeft(runId, RunChecks.runJson(results.resolve(runId)));
    return results.resolve(runId);
  }

  @Test
  void oneHomeProcessOrThreeGiveTheSameFiles() throws Exception {
    Path one = run(1);
    Path three = run(3);

    assertEquals(read(one, "prices.csv"), read(three, "prices.csv"));
    assertEquals(read(one, "homes.csv"), read(three, "homes.csv"));
    assertEquals(11, read(one, "prices.csv").split("\n").length);
  }

  private static String read(Path run, String file) throws Exception {
    return Files.readString(run.resolve(file), StandardCharsets.UTF_8);
  }
}

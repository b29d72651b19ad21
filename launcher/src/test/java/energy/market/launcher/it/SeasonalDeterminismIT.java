package energy.market.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.testing.ChildProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seasonal home model gives byte-identical results whatever the home processes. */
class SeasonalDeterminismIT {
  @TempDir Path dir;

  private Path run(int processes) throws Exception {
    String runId = "it-seasonal-" + processes + "-" + ProcessHandle.current().pid();
    Path results = dir.resolve("results");
    try (ChildProcess launcher =
        Launch.energyMarket(
            "simulate",
            "--home-model",
            "seasonal",
            // Phases wait for every home, so a busy machine slows the run instead of changing it.
            "--phase-deadline",
            "120s",
            "--startup-timeout",
            "300s",
            "--homes",
            "24",
            "--home-processes",
            Integer.toString(processes),
            "--days",
            "12",
            "--seed",
            "5",
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
  void oneHomeProcessOrFourGiveTheSameFiles() throws Exception {
    Path one = run(1);
    Path four = run(4);

    assertEquals(read(one, "prices.csv"), read(four, "prices.csv"));
    assertEquals(read(one, "homes.csv"), read(four, "homes.csv"));
    assertEquals(13, read(one, "prices.csv").split("\n").length);
    assertTrue(read(one, "run.json").contains("\"--home-model\": \"seasonal\""));
  }

  private static String read(Path run, String file) throws Exception {
    return Files.readString(run.resolve(file), StandardCharsets.UTF_8);
  }
}

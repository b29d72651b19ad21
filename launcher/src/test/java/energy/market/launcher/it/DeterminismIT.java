package energy.market.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.testing.ChildProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * J6: the same seed gives byte-identical prices.csv and homes.csv whatever the home processes, with
 * either home model.
 */
class DeterminismIT {
  @TempDir Path dir;

  private Path run(String model, int homes, int processes, int days, long seed) throws Exception {
    String runId = "it-det-" + model + "-" + processes + "-" + ProcessHandle.current().pid();
    Path results = dir.resolve("results");
    try (ChildProcess launcher =
        Launch.energyMarket(
            "simulate",
            "--home-model",
            model,
            // Phases wait for every home, so a busy machine slows the run instead of changing it.
            "--phase-deadline",
            "120s",
            "--startup-timeout",
            "300s",
            "--homes",
            Integer.toString(homes),
            "--home-processes",
            Integer.toString(processes),
            "--days",
            Integer.toString(days),
            "--seed",
            Long.toString(seed),
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

  @ParameterizedTest(name = "{0} model: one home process or {3}")
  @CsvSource({"course, 30, 10, 3, 7", "seasonal, 24, 12, 4, 5"})
  void oneHomeProcessOrSeveralGiveTheSameFiles(
      String model, int homes, int days, int processes, long seed) throws Exception {
    Path one = run(model, homes, 1, days, seed);
    Path several = run(model, homes, processes, days, seed);

    assertEquals(read(one, "prices.csv"), read(several, "prices.csv"));
    assertEquals(read(one, "homes.csv"), read(several, "homes.csv"));
    assertEquals(days + 1, read(one, "prices.csv").split("\n").length);
    assertTrue(read(one, "run.json").contains("\"--home-model\": \"" + model + "\""));
  }

  private static String read(Path run, String file) throws Exception {
    return Files.readString(run.resolve(file), StandardCharsets.UTF_8);
  }
}

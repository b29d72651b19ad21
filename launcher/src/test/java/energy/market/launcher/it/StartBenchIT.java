package energy.market.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import energy.market.testing.ChildProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench start}: whole runs of the checkout's script, timed from their output. */
class StartBenchIT {
  private static final Path SCRIPT = Path.of("..", "energy-market").toAbsolutePath().normalize();

  @TempDir Path dir;

  private record Result(int code, String output) {}

  private static Result bench(String... args) throws Exception {
    try (ChildProcess bench = Launch.energyMarket(args)) {
      int code = bench.awaitExit(Duration.ofMinutes(5));
      return new Result(code, bench.transcript());
    }
  }

  private static double figure(String output, String name) {
    Matcher matcher =
        Pattern.compile("(?m)^  " + Pattern.quote(name) + " +([0-9.]+) \\[").matcher(output);
    assertTrue(matcher.find(), "no summary line for " + name + " in:\n" + output);
    return Double.parseDouble(matcher.group(1));
  }

  @Test
  void aRunOfTheScriptIsTimedToItsFirstDayAndFromItsLastDayToItsExit() throws Exception {
    assumeTrue(Files.isExecutable(SCRIPT), "run from the launcher module of a checkout");
    Result result =
        bench(
            "bench",
            "start",
            "--runs",
            "1",
            "--warm-up-runs",
            "0",
            "--",
            "--homes",
            "2",
            // Days of a second: the homes, which leave after the last day, are still there when
            // the processes are counted at day 1 (days of no length were all over by then).
            "--days",
            "3",
            "--day-length",
            "1s",
            "--phase-deadline",
            "120s",
            "--results-dir",
            dir.resolve("results").toString());

    assertEquals(0, result.code(), result.output());
    assertTrue(result.output().contains("start: " + SCRIPT + " --homes 2"), result.output());
    assertTrue(result.output().contains("run 1/1: day 1 s "), result.output());
    double dayOne = figure(result.output(), "day 1 s");
    double cpu = figure(result.output(), "CPU by day 1 s");
    double exit = figure(result.output(), "exit after last day s");
    double processes = figure(result.output(), "processes");
    double jvms = figure(result.output(), "JVMs at once s");
    double ratio = figure(result.output(), "day 1 s / JVMs at once s");
    assertTrue(dayOne > 0 && cpu > 0 && exit > 0 && jvms > 0, result.output());
    // The launcher, the market, both daemons and a process for each of the two homes.
    assertEquals(6, processes, result.output());
    // Each figure is printed to 2 places: the ratio of the printed ones is off by that much.
    double rounding = ratio * (0.005 / jvms + 0.005 / dayOne) + 0.01;
    assertEquals(dayOne / jvms, ratio, rounding, result.output());
    try (var runs = Files.list(dir.resolve("results"))) {
      assertEquals(1, runs.count(), "the one run wrote its results where it was told");
    }
  }

  @Test
  void aCommandThatFailsOrPrintsNoDayFailsTheBenchWithWhatItPrinted() throws Exception {
    Path failing = dir.resolve("failing");
    Files.writeString(failing, "#!/bin/sh\necho 'cannot start: port in use'\nexit 3\n");
    assertTrue(failing.toFile().setExecutable(true));
    Result failed = bench("bench", "start", "--command", failing.toString(), "--runs", "1");
    assertEquals(1, failed.code(), failed.output());
    assertTrue(failed.output().contains(failing + " exited with code 3"), failed.output());
    assertTrue(failed.output().contains("  cannot start: port in use"), failed.output());

    Path silent = dir.resolve("silent");
    Files.writeString(silent, "#!/bin/sh\necho 'stopping: all 0 days closed'\n");
    assertTrue(silent.toFile().setExecutable(true));
    Result noDay = bench("bench", "start", "--command", silent.toString(), "--warm-up-runs", "0");
    assertEquals(1, noDay.code(), noDay.output());
    assertTrue(noDay.output().contains("printed no 'day 1:' line"), noDay.output());
  }

  @Test
  void optionsItCannotTimeAreRefused() throws Exception {
    Result headless = bench("bench", "start", "--", "--headless");
    assertEquals(2, headless.code(), headless.output());
    assertTrue(headless.output().contains("--headless prints a progress bar"), headless.output());

    Result missing = bench("bench", "start", "--command", dir.resolve("nothing-here").toString());
    assertEquals(2, missing.code(), missing.output());
    assertTrue(missing.output().contains("is not an executable file"), missing.output());
  }
}

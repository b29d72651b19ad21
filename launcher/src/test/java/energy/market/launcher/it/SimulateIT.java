package energy.market.launcher.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import energy.market.testing.ChildProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code energy-market simulate --headless}: whole runs, end to end. */
class SimulateIT {
  @TempDir Path dir;

  private final String runId = "it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

  /** Runs {@code simulate --headless} with {@code options} to its end; returns what it printed. */
  private String simulate(String... options) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "simulate",
                // Phases wait for every home, so a busy machine slows the run instead of changing
                // it; a launcher left waiting fails with its own message before the test's
                // deadline.
                "--phase-deadline",
                "120s",
                "--startup-timeout",
                "300s",
                "--headless",
                "--results-dir",
                dir.resolve("results").toString(),
                "--run-id",
                runId));
    args.addAll(List.of(options));
    try (ChildProcess launcher = Launch.energyMarket(args.toArray(String[]::new))) {
      int code = launcher.awaitExit(Duration.ofMinutes(10));
      String output = launcher.transcript();
      assertEquals(0, code, output);
      return output;
    }
  }

  @Test
  void aHeadlessRunExitsZeroWithConsistentResultsAndLeavesNothingBehind() throws Exception {
    String output = simulate("--homes", "6", "--home-processes", "3", "--days", "5", "--seed", "3");
    assertTrue(output.contains("run " + runId + " completed: all 5 days closed"), output);

    Path run = dir.resolve("results").resolve(runId);
    List<String[]> prices = RunChecks.rows(run.resolve("prices.csv"));
    assertEquals(5, prices.size(), "one row per day");
    for (int day = 1; day <= 5; day++) {
      String[] row = prices.get(day - 1);
      assertEquals(Integer.toString(day), row[0]);
      assertEquals("6", row[7], "every home took part in day " + day);
    }
    List<String[]> homes = RunChecks.rows(run.resolve("homes.csv"));
    assertEquals(6, homes.size());
    assertEquals("home-1", homes.get(0)[0]);
    assertEquals("home-6", homes.get(5)[0]);
    assertEquals(sum(prices, 5), sum(homes, 6), "energy sold: the days' sum is the homes' sum");
    assertEquals(sum(prices, 4), sum(homes, 7), "energy bought: the days' sum is the homes' sum");

    Struct json = RunChecks.runJson(run);
    assertEquals(3, json.getFieldsOrThrow("seed").getNumberValue());
    assertEquals(runId, json.getFieldsOrThrow("run_id").getStringValue());
    assertEquals(
        "completed",
        json.getFieldsOrThrow("outcome")
            .getStructValue()
            .getFieldsOrThrow("status")
            .getStringValue());
    assertTrue(
        json.getFieldsOrThrow("replay").getListValue().getValuesList().stream()
            .anyMatch(v -> v.getStringValue().equals("--seed=3")));
    assertEquals(
        6,
        json.getFieldsOrThrow("children").getListValue().getValuesCount(),
        "market, weather, external, 3 home processes");

    byte[] png = Files.readAllBytes(run.resolve("prices.png"));
    assertArrayEquals(
        new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4), "prices.png is a PNG");
    assertTrue(Files.size(run.resolve("logs").resolve("market.log")) > 0);

    RunChecks.nothingLeft(runId, json);
  }

  /**
   * A run of one fast day ends as soon as its day closed: its homes may have left after it before
   * the launcher first heard from the market, which must not leave the launcher waiting for them.
   */
  @Test
  void aOneDayRunCompletesEvenWhenItsHomesLeftBeforeTheLauncherLooked() throws Exception {
    String output = simulate("--homes", "8", "--home-processes", "4", "--days", "1");
    assertTrue(output.contains("run " + runId + " completed: all 1 days closed"), output);
    List<String[]> prices =
        RunChecks.rows(dir.resolve("results").resolve(runId).resolve("prices.csv"));
    assertEquals(1, prices.size(), "one row for the one day");
    assertEquals("8", prices.get(0)[7], "every home took part in the day");
  }

  private static long sum(List<String[]> rows, int column) {
    return rows.stream().mapToLong(r -> Long.parseLong(r[column])).sum();
  }
}

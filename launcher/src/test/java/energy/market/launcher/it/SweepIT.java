package energy.market.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep} end to end with real processes: a 2 x 2 sweep of 20 homes over 10 days, whole, in
 * two shards merged, and interrupted then resumed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweepIT {
  private static final Duration RUN_LIMIT = Duration.ofMinutes(10);

  private Path dir;

  private Path whole;

  private static List<String> sweep(Path sweepsDir, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "sweep",
                "--policy",
                "always-sell,sell-if-no-takers",
                "--gamma",
                "0.8,0.92",
                "--homes",
                "20",
                "--days",
                "10",
                // One home process and generous deadlines: a busy machine slows runs, not changes.
                "--vary",
                "home-processes=1",
                "--vary",
                "phase-deadline=120s",
                "--id",
                "it",
                "--parallel",
                "1",
                "--sweeps-dir",
                sweepsDir.toString()));
    args.addAll(List.of(more));
    return args;
  }

  private static String run(List<String> args) throws Exception {
    try (ChildProcess launcher = Launch.energyMarket(args.toArray(String[]::new))) {
      assertEquals(0, launcher.awaitExit(RUN_LIMIT), launcher.transcript());
      return launcher.transcript();
    }
  }

  @BeforeAll
  void wholeSweep(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    run(sweep(dir.resolve("whole")));
    whole = dir.resolve("whole").resolve("it");
  }

  @Test
  void theSummaryHasARowPerRunWithTheFiguresOfItsOwnResults() throws Exception {
    List<String[]> rows = RunChecks.rows(whole.resolve("summary.csv"));
    List<String> header =
        List.of(Files.readAllLines(whole.resolve("summary.csv")).get(0).split(","));
    assertEquals(4, rows.size());
    List<String> scenarios = new ArrayList<>();
    for (String[] row : rows) {
      scenarios.add(row[header.indexOf("policy")] + "/" + row[header.indexOf("gamma")]);
      assertEquals("completed", row[header.indexOf("status")]);
      Path runDir = whole.resolve("runs").resolve(row[0]);
      List<String[]> days = RunChecks.rows(runDir.resolve("prices.csv"));
      List<String[]> homes = RunChecks.rows(runDir.resolve("homes.csv"));
      assertEquals(10, days.size());
      assertEquals(20, homes.size());
      assertEquals(Integer.toString(days.size()), cell(row, header, "days_closed"));
      assertEquals(Integer.toString(homes.size()), cell(row, header, "home_accounts"));
      long priceMicro = 0;
      for (String[] day : days) {
        priceMicro += new BigDecimal(day[1]).movePointRight(6).longValueExact();
      }
      assertEquals(
          BigDecimal.valueOf(priceMicro)
              .divide(BigDecimal.valueOf(days.size()), 0, RoundingMode.HALF_EVEN)
              .movePointLeft(6)
              .toPlainString(),
          cell(row, header, "price_mean_eur_per_kwh"));
      // The homes' accounts and the market's daily totals agree with the summary.
      assertEquals(sum(homes, 7), Long.parseLong(cell(row, header, "bought_wh")));
      assertEquals(sum(days, 4), Long.parseLong(cell(row, header, "bought_wh")));
      assertEquals(sum(homes, 6), Long.parseLong(cell(row, header, "sold_wh")));
      assertEquals(sum(days, 5), Long.parseLong(cell(row, header, "sold_wh")));
      assertEquals(sum(homes, 4), Long.parseLong(cell(row, header, "given_wh")));
      assertEquals(sum(homes, 8), Long.parseLong(cell(row, header, "wasted_wh")));
      assertEquals(sum(homes, 2), Long.parseLong(cell(row, header, "produced_wh")));
      String policy = row[header.indexOf("policy")];
      assertEquals(
          BigDecimal.valueOf(sum(homes, 12))
              .divide(BigDecimal.valueOf(homes.size()), 0, RoundingMode.HALF_EVEN)
              .movePointLeft(6)
              .toPlainString(),
          cell(row, header, "net_eur_per_home_" + policy));
    }
    assertEquals(
        List.of(
            "always-sell/0.8",
            "always-sell/0.92",
            "sell-if-no-takers/0.8",
            "sell-if-no-takers/0.92"),
        scenarios);
    for (String chart : List.of("price-mean", "price-volatility", "energy", "money-per-policy")) {
      Path png = whole.resolve("charts").resolve(chart + ".png");
      assertTrue(Files.size(png) > 1000, png.toString());
    }
  }

  @Test
  void twoShardsMergedGiveTheWholeSweepsSummary() throws Exception {
    Path one = dir.resolve("machine-1");
    Path two = dir.resolve("machine-2");
    run(sweep(one, "--shard", "1/2"));
    run(sweep(two, "--shard", "2/2"));
    assertFalse(Files.exists(one.resolve("it").resolve("summary.csv")));
    assertEquals(2, RunChecks.rows(one.resolve("it").resolve("shard-1-of-2.csv")).size());

    Path merged = dir.resolve("merged");
    run(
        List.of(
            "sweep",
            "merge",
            one.resolve("it").toString(),
            two.resolve("it").toString(),
            "--out",
            merged.toString()));
    assertEquals(read(whole.resolve("summary.csv")), read(merged.resolve("summary.csv")));
    assertTrue(Files.size(merged.resolve("charts").resolve("energy.png")) > 1000);
  }

  @Test
  void anInterruptedSweepResumesWithoutRepeatingAFinishedRun() throws Exception {
    Path sweeps = dir.resolve("resumed");
    Path firstRun = sweeps.resolve("it").resolve("runs").resolve("it-r0001");
    try (ChildProcess launcher = Launch.energyMarket(sweep(sweeps).toArray(String[]::new))) {
      launcher.awaitLine("it-r0001 completed", RUN_LIMIT);
      launcher.kill();
    }
    String finished = read(firstRun.resolve("run.json"));
    // The running simulate sees its pipe from the sweep close, and stops with its processes.
    Await.until("the killed sweep's runs to stop", () -> runsAlive("it-r0002") == 0, Await.LONG);

    String again = run(sweep(sweeps));
    assertTrue(again.contains("it-r0001 finished before, kept"), again);
    assertFalse(again.contains("it-r0001 completed"), again);
    assertEquals(finished, read(firstRun.resolve("run.json")));
    assertEquals(
        read(whole.resolve("summary.csv")), read(sweeps.resolve("it").resolve("summary.csv")));
  }

  private static long runsAlive(String runId) {
    try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
      return all.filter(ProcessHandle::isAlive)
          .map(p -> p.info().commandLine().orElse(""))
          .filter(
              c -> c.contains("-Denergy.market.run=" + runId) || c.contains("--run-id " + runId))
          .count();
    }
  }

  private static String cell(String[] row, List<String> header, String column) {
    return row[header.indexOf(column)];
  }

  private static long sum(List<String[]> rows, int column) {
    return rows.stream().mapToLong(r -> Long.parseLong(r[column])).sum();
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}

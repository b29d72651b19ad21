package energy.market.launcher.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.launcher.Launcher;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merging shard directories, in process, from shard files written as a sweep writes them. */
class SweepMergeCommandTest {
  @TempDir Path dir;

  private final SweepDefinition definition =
      new SweepDefinition(
          "m",
          List.of(
              ParameterLists.values("--gamma", "gamma", "0.8,0.92"), ParameterLists.seeds("1-2")));

  private final StringWriter err = new StringWriter();

  /** A shard's directory: the plan and the shard's rows, with made-up figures per run. */
  private Path shard(String name, Shard shard) throws Exception {
    Path sweepDir = dir.resolve(name);
    Files.createDirectories(sweepDir);
    Files.writeString(sweepDir.resolve(SweepOutputs.PLAN), definition.planCsv());
    List<String> lines = new ArrayList<>();
    for (PlannedRun run : definition.runs(shard)) {
      lines.add(SummaryCsv.line(run, SummaryCsv.COMPLETED, metrics(run.index())));
    }
    SweepOutputs.write(sweepDir, definition.names(), lines, shard);
    return sweepDir;
  }

  private static RunMetrics metrics(int index) {
    java.util.Map<String, String> figures = new java.util.LinkedHashMap<>();
    for (String column : RunMetrics.COLUMNS) {
      figures.put(column, Integer.toString(index * 10 + column.length()));
    }
    return new RunMetrics(figures);
  }

  private int merge(String... args) {
    List<String> all = new ArrayList<>(List.of("sweep", "merge"));
    all.addAll(List.of(args));
    return Launcher.run(
        all.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err));
  }

  @Test
  void shardsMergeIntoTheWholeSweepsSummary() throws Exception {
    Path whole = shard("whole", Shard.ALL);
    Path one = shard("one", new Shard(1, 2));
    Path two = shard("two", new Shard(2, 2));
    Path out = dir.resolve("out");

    assertEquals(0, merge(two.toString(), one.toString(), "--out", out.toString()), err.toString());

    assertEquals(
        Files.readString(whole.resolve("summary.csv"), StandardCharsets.UTF_8),
        Files.readString(out.resolve("summary.csv"), StandardCharsets.UTF_8));
    assertTrue(Files.isRegularFile(out.resolve("charts").resolve("energy.png")));
  }

  @Test
  void aMissingShardIsOneLineAndWritesNothing() throws Exception {
    Path one = shard("one", new Shard(1, 2));
    Path out = dir.resolve("out");

    assertEquals(1, merge(one.toString(), "--out", out.toString()));

    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    assertTrue(err.toString().contains("2 of 4 runs have no row"), err.toString());
    assertFalse(Files.exists(out));
  }

  @Test
  void directoriesOfAnotherSweepAreRefused() throws Exception {
    Path one = shard("one", new Shard(1, 2));
    Path other = dir.resolve("other");
    Files.createDirectories(other);
    Files.writeString(other.resolve(SweepOutputs.PLAN), "run,seed\nx-r0001,1\n");

    assertEquals(2, merge(one.toString(), other.toString()));
    assertTrue(err.toString().contains("belongs to another sweep"), err.toString());
    assertEquals(2, merge(dir.resolve("nowhere").toString()));
  }
}

package energy.market.launcher.sweep;

import energy.market.client.cli.CommandFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code energy-market sweep merge DIR...}: combines the directories of a sweep's shards (from one
 * machine or many) into one summary.csv and its charts, byte for byte what the whole sweep run in
 * one place writes.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    version = "energy-market 0.1.0",
    description = {
      "Combines the shards of a sweep: reads plan.csv and the shard-K-of-N.csv (or summary.csv)"
          + " files of each DIR, checks that they are one sweep's and that every run of its plan"
          + " has a row, and writes summary.csv, plan.csv and charts/ into --out.",
      "Exit codes: 0 merged; 1 runs are missing or a file cannot be read; 2 bad options or"
          + " directories of different sweeps.",
      ""
    })
public final class SweepMergeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DIR", arity = "1..*", description = "The shards' sweep directories.")
  List<Path> dirs = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where the merged summary and charts go (default: the first DIR).")
  Path out;

  @Override
  public Integer call() throws Exception {
    PrintWriter print = spec.commandLine().getOut();
    String plan = plan();
    List<String> lines = plan.lines().toList();
    List<String> names =
        List.of(lines.get(0).split(",", -1)).subList(1, lines.get(0).split(",").length);
    String header = SummaryCsv.header(names);
    Map<String, String> rows = new HashMap<>();
    for (Path dir : dirs) {
      for (Path file : summaries(dir)) {
        try {
          SummaryCsv.read(file, header).forEach((run, line) -> keep(rows, run, line));
        } catch (IOException e) {
          throw new CommandFailure(1, "merge: " + e.getMessage());
        }
      }
    }
    List<String> merged = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String planned : lines.subList(1, lines.size())) {
      String run = planned.substring(0, planned.indexOf(','));
      String line = rows.get(run);
      if (line == null) {
        missing.add(run);
      } else {
        merged.add(line);
      }
    }
    if (!missing.isEmpty()) {
      throw new CommandFailure(
          1,
          "merge: "
              + missing.size()
              + " of "
              + (lines.size() - 1)
              + " runs have no row in these directories (a shard not run or not finished?),"
              + " first "
              + missing.get(0));
    }
    Path target = out != null ? out : dirs.get(0);
    List<String> written;
    try {
      Files.createDirectories(target);
      Files.writeString(target.resolve(SweepOutputs.PLAN), plan, StandardCharsets.UTF_8);
      written = SweepOutputs.write(target, names, merged, Shard.ALL);
    } catch (IOException e) {
      throw new CommandFailure(1, "merge: could not write into " + target + ": " + e.getMessage());
    }
    long failed = merged.stream().filter(l -> l.contains("," + SummaryCsv.FAILED + ",")).count();
    print.printf(
        "merged %d runs (%d failed) from %d directories into %s: %s%n",
        merged.size(), failed, dirs.size(), target, String.join(", ", written));
    print.flush();
    return 0;
  }

  /** A completed row wins over a failed one: a shard may have been run again elsewhere. */
  private static void keep(Map<String, String> rows, String run, String line) {
    String before = rows.get(run);
    if (before == null || before.contains("," + SummaryCsv.FAILED + ",")) {
      rows.put(run, line);
    }
  }

  /** The plan every directory must share. */
  private String plan() throws IOException {
    String plan = null;
    for (Path dir : dirs) {
      Path file = dir.resolve(SweepOutputs.PLAN);
      if (!Files.isRegularFile(file)) {
        throw new ParameterException(
            spec.commandLine(), dir + " is not a sweep directory: it has no " + SweepOutputs.PLAN);
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (plan == null) {
        plan = text;
      } else if (!plan.equals(text)) {
        throw new ParameterException(
            spec.commandLine(),
            dir + " belongs to another sweep than " + dirs.get(0) + " (their plan.csv differ)");
      }
    }
    return plan;
  }

  private static List<Path> summaries(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.csv")) {
      for (Path file : entries) {
        String name = file.getFileName().toString();
        if (name.equals(SummaryCsv.FILE) || name.matches("shard-\\d+-of-\\d+\\.csv")) {
          files.add(file);
        }
      }
    }
    files.sort(null);
    return files;
  }
}

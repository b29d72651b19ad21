package energy.market.launcher.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes what a sweep leaves besides its runs: its summary (or a shard's part of it) and, for a
 * whole sweep, the comparison charts. Shared by a sweep and by {@code sweep merge}, so both give
 * the same bytes.
 */
final class SweepOutputs {
  /** The charts' directory inside the sweep's. */
  static final String CHARTS = "charts";

  /** The plan of the whole sweep, the same in every shard's directory. */
  static final String PLAN = "plan.csv";

  private SweepOutputs() {}

  /** Each run's summary line, read from its own results (empty figures when it did not finish). */
  static List<String> lines(Path sweepDir, List<PlannedRun> runs) {
    List<String> lines = new ArrayList<>();
    for (PlannedRun run : runs) {
      Path runDir = SweepRunner.runsDir(sweepDir).resolve(run.name());
      RunMetrics metrics = RunMetrics.none();
      String status = SummaryCsv.FAILED;
      if (RunDirectory.isComplete(runDir)) {
        try {
          metrics = RunMetrics.read(runDir);
          status = SummaryCsv.COMPLETED;
        } catch (IOException e) {
          // Results that cannot be read count as a failed run, to be run again on resume.
          metrics = RunMetrics.none();
        }
      }
      lines.add(SummaryCsv.line(run, status, metrics));
    }
    return lines;
  }

  /**
   * Writes the summary file named by the shard, and the charts for a whole sweep.
   *
   * @return the files written, relative to {@code dir}
   */
  static List<String> write(Path dir, List<String> parameterNames, List<String> lines, Shard shard)
      throws IOException {
    Files.createDirectories(dir);
    List<String> written = new ArrayList<>();
    Files.writeString(
        dir.resolve(shard.fileName()),
        SummaryCsv.render(parameterNames, lines),
        StandardCharsets.UTF_8);
    written.add(shard.fileName());
    if (shard.isAll()) {
      written.addAll(SweepCharts.write(dir.resolve(CHARTS), parameterNames, lines));
    }
    return written;
  }
}

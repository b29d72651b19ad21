package energy.market.launcher.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.csv}: one row per run, in product order: the run's name, its parameters, its
 * status, then its metrics. No wall-clock column and fixed formats, so a sweep run whole or in
 * shards and merged gives the same bytes.
 */
final class SummaryCsv {
  /** The whole sweep's summary file. */
  static final String FILE = "summary.csv";

  static final String COMPLETED = "completed";
  static final String FAILED = "failed";

  private SummaryCsv() {}

  static String header(List<String> parameterNames) {
    List<String> columns = new ArrayList<>();
    columns.add("run");
    columns.addAll(parameterNames);
    columns.add("status");
    columns.addAll(RunMetrics.COLUMNS);
    return String.join(",", columns);
  }

  static String line(PlannedRun run, String status, RunMetrics metrics) {
    List<String> cells = new ArrayList<>();
    cells.add(run.name());
    cells.addAll(run.values().values());
    cells.add(status);
    for (String column : RunMetrics.COLUMNS) {
      cells.add(metrics.figures().get(column));
    }
    return String.join(",", cells);
  }

  /** The file's text: the header, then the lines of the runs in the order given, LF-ended. */
  static String render(List<String> parameterNames, List<String> lines) {
    StringBuilder csv = new StringBuilder(header(parameterNames)).append('\n');
    lines.forEach(l -> csv.append(l).append('\n'));
    return csv.toString();
  }

  /**
   * A summary or shard file's lines by run name.
   *
   * @throws IOException when it cannot be read or its header is not {@code header}
   */
  static Map<String, String> read(Path file, String header) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(header)) {
      throw new IOException(file + " has other columns than this sweep's summary");
    }
    Map<String, String> byRun = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isEmpty()) {
        byRun.put(line.substring(0, line.indexOf(',')), line);
      }
    }
    return byRun;
  }
}

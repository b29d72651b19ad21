package energy.market.launcher.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A run's results directory inside a sweep: whether it is finished, and clearing a partial one. */
final class RunDirectory {
  // simulate writes run.json last, after prices.csv and homes.csv, with the run's outcome.
  private static final Pattern COMPLETED = Pattern.compile("\"status\"\\s*:\\s*\"completed\"");

  private RunDirectory() {}

  /** Whether the run closed every day and wrote all its results. */
  static boolean isComplete(Path runDir) {
    Path runJson = runDir.resolve("run.json");
    if (!Files.isRegularFile(runJson)
        || !Files.isRegularFile(runDir.resolve("prices.csv"))
        || !Files.isRegularFile(runDir.resolve("homes.csv"))) {
      return false;
    }
    try {
      return COMPLETED.matcher(Files.readString(runJson, StandardCharsets.UTF_8)).find();
    } catch (IOException e) {
      return false;
    }
  }

  /** Deletes what an interrupted or failed run left, so that it can start afresh. */
  static void clear(Path runDir) throws IOException {
    if (!Files.exists(runDir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(runDir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

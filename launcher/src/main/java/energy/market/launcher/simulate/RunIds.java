package energy.market.launcher.simulate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Names a run's results directory: the {@code --run-id} given, checked, or the UTC start time and
 * the seed ({@code 20261122-055523-s1}), with a counter when that directory already exists.
 */
final class RunIds {
  private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private RunIds() {}

  /**
   * @param given the {@code --run-id}, or null
   * @param resultsDir where runs write their directories
   * @param seed the run's seed
   * @param nowUtc the start time, UTC
   * @throws IllegalArgumentException when the given id is not allowed or already used
   */
  static String pick(String given, Path resultsDir, long seed, LocalDateTime nowUtc) {
    if (given != null) {
      if (!given.matches("[A-Za-z0-9._-]{1,100}") || given.startsWith(".")) {
        throw new IllegalArgumentException(
            "--run-id '" + given + "' is not allowed; use letters, digits, '.', '-', '_'");
      }
      if (Files.exists(resultsDir.resolve(given))) {
        throw new IllegalArgumentException(
            "--run-id " + given + ": " + resultsDir.resolve(given) + " already exists");
      }
      return given;
    }
    String base = nowUtc.format(RUN_TIME) + "-s" + seed;
    String id = base;
    for (int n = 2; Files.exists(resultsDir.resolve(id)); n++) {
      id = base + "-" + n;
    }
    return id;
  }
}

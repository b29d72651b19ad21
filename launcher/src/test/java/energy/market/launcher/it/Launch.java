package energy.market.launcher.it;

import energy.market.testing.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code energy-market args...} as a person runs it: the shaded jar the build just made (else the
 * test class path, when run from an IDE before packaging), with its class-data archives cached
 * under {@code target} instead of the user's home.
 */
final class Launch {
  private static final Path JAR = Path.of("target", "energy-market.jar");
  private static final Path CACHE = Path.of("target", "it-cache");

  private Launch() {}

  static ChildProcess energyMarket(String... args) throws IOException {
    ChildProcess.Builder builder =
        ChildProcess.builder("energy-market")
            .jvmOption("-Xmx128m")
            .environment("XDG_CACHE_HOME", CACHE.toAbsolutePath().toString())
            .args(List.of(args));
    if (Files.isRegularFile(JAR)) {
      builder.jar(JAR);
    } else {
      builder.mainClass(ChildProcess.LAUNCHER);
    }
    return builder.start();
  }

  /**
   * {@code energy-market simulate} of days too many to end by themselves (1,000 days of 100 ms),
   * results in {@code results}, with {@code options} added: for tests that stop or kill it.
   */
  static ChildProcess endlessSimulation(Path results, String... options) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "simulate",
                "--days",
                "1000",
                "--day-length",
                "100ms",
                "--results-dir",
                results.toString()));
    args.addAll(List.of(options));
    return energyMarket(args.toArray(String[]::new));
  }
}

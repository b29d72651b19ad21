package energy.market.launcher.it;

import energy.market.testing.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}

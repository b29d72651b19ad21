package energy.market.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import energy.market.testing.ChildProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code energy-market} script as a person runs it: the first simulation of a build makes the
 * launcher's own class-data archive, and the next one's launcher maps it.
 */
class LauncherScriptIT {
  private static final Path SCRIPT = Path.of("..", "energy-market").toAbsolutePath().normalize();

  @TempDir Path dir;

  /** The script's {@code simulate} of one home and one day, with {@code more} options. */
  private String run(int expectedCode, String javaOptions, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "simulate",
                "--homes",
                "1",
                "--days",
                "1",
                "--headless",
                "--phase-deadline",
                "120s",
                "--startup-timeout",
                "300s",
                "--results-dir",
                dir.resolve("results").toString()));
    args.addAll(List.of(more));
    String output;
    int code;
    try (ChildProcess script =
        ChildProcess.builder("energy-market-script")
            .program(List.of(SCRIPT.toString()))
            .environment("XDG_CACHE_HOME", dir.resolve("cache").toString())
            // The JDK running the tests, whatever java the PATH names first.
            .environment(
                "PATH",
                Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"))
            .environment("JAVA_OPTS", javaOptions)
            .args(args)
            .start()) {
      code = script.awaitExit(Duration.ofMinutes(5));
      output = script.transcript();
    }
    assertEquals(expectedCode, code, output);
    return output;
  }

  private List<Path> cached(String glob) throws Exception {
    Path cds = dir.resolve("cache").resolve("energy-market").resolve("cds");
    try (Stream<Path> files = Files.list(cds)) {
      return files
          .filter(f -> f.getFileSystem().getPathMatcher("glob:" + glob).matches(f.getFileName()))
          .toList();
    }
  }

  @Test
  void theFirstSimulationMakesTheLaunchersArchiveAndTheNextLauncherMapsIt() throws Exception {
    assumeTrue(Files.isExecutable(SCRIPT), "run from the launcher module of a checkout");
    String refused = run(2, "", "--home-processes", "5");
    assertTrue(refused.contains("--home-processes 5 is out of range"), refused);
    assertEquals(List.of(), cached("*.classlist"), "a run refused before it began lists nothing");

    String first = run(0, "");
    assertTrue(first.contains("making this build's class-data archives"), first);
    assertEquals(1, cached("launcher-*.jsa").size(), "one archive for the launcher");
    assertEquals(List.of(), cached("*.classlist"), "no list left behind");

    // The launcher's JVM maps its archive (or refuses to start: -Xshare:on) and takes its own
    // classes from it.
    Path loaded = dir.resolve("classes.log");
    String second = run(0, "-Xshare:on -Xlog:class+load=info:file=" + loaded);
    assertFalse(second.contains("making this build's class-data archives"), second);
    assertEquals(1, cached("launcher-*.jsa").size());
    assertTrue(
        Files.readAllLines(loaded).stream()
            .anyMatch(
                line ->
                    line.contains(" energy.market.launcher.Launcher ")
                        && line.endsWith("source: shared objects file")),
        "the launcher's main class came from the archive");
  }
}

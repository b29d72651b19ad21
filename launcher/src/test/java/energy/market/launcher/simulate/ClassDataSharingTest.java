package energy.market.launcher.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {
  @TempDir Path dir;

  private final ChildSpec market =
      new ChildSpec("market", "market", List.of("-Xmx64m"), List.of(), Pattern.compile("x"));

  /** A child that exits at once with code 0, standing for one that dumped an archive. */
  private Child exited() throws Exception {
    Child child = Child.start(market, List.of("true"), Map.of(), dir.resolve("true.log"));
    assertTrue(child.awaitExit(Duration.ofSeconds(10)));
    return child;
  }

  private String option(List<String> options, String prefix) {
    return options.stream().filter(o -> o.startsWith(prefix)).findFirst().orElse(null);
  }

  @Test
  void theFirstRunMakesTheArchiveAndLaterRunsUseIt() throws Exception {
    Path jar = Files.writeString(dir.resolve("energy-market.jar"), "jar");
    Path cache = dir.resolve("cache");

    ClassDataSharing first = ClassDataSharing.inDirectory(jar, cache, "run1");
    List<String> making = first.options(market);
    String dump = option(making, "-XX:ArchiveClassesAtExit=");
    assertTrue(dump != null && dump.endsWith(".run1.tmp"), making.toString());
    assertNull(
        option(first.options(market), "-XX:ArchiveClassesAtExit="),
        "only the first process of a role makes the archive");
    first.started(market, exited(), making);
    Files.writeString(Path.of(dump.substring(dump.indexOf('=') + 1)), "archive");
    first.finish(true);

    List<String> using = ClassDataSharing.inDirectory(jar, cache, "run2").options(market);
    String shared = option(using, "-XX:SharedArchiveFile=");
    assertTrue(
        shared != null && Files.isRegularFile(Path.of(shared.substring(shared.indexOf('=') + 1))),
        using.toString());
    try (Stream<Path> files = Files.list(cache)) {
      assertEquals(1, files.count(), "no temporary file left");
    }
  }

  @Test
  void anInterruptedRunKeepsNoArchive() throws Exception {
    Path jar = Files.writeString(dir.resolve("energy-market.jar"), "jar");
    Path cache = dir.resolve("cache");
    ClassDataSharing sharing = ClassDataSharing.inDirectory(jar, cache, "run1");
    List<String> making = sharing.options(market);
    sharing.started(market, exited(), making);
    String dump = option(making, "-XX:ArchiveClassesAtExit=");
    Files.writeString(Path.of(dump.substring(dump.indexOf('=') + 1)), "partial");

    sharing.finish(false);

    try (Stream<Path> files = Files.list(cache)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void onlyAClassPathOfOneJarCanBeArchived() {
    assertNull(ClassDataSharing.forClassPath("target/classes:lib.jar", "run"));
    assertNull(ClassDataSharing.forClassPath(dir.resolve("missing.jar").toString(), "run"));
    assertFalse(ClassDataSharing.forClassPath("target/classes", "run") != null);
  }
}

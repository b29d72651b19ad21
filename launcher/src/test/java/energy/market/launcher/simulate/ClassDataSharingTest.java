package energy.market.launcher.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
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

  /** A real jar: the JVM checks the archive's class path against it. */
  private Path jar() throws Exception {
    Path jar = dir.resolve("energy-market.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.flush();
    }
    return jar;
  }

  /** What the first process of the role would have written. */
  private static void writeClassList(String option) throws Exception {
    Files.write(
        Path.of(option.substring(option.indexOf('=') + 1)),
        List.of("java/lang/Object", "java/lang/String", "java/util/ArrayList"));
  }

  @Test
  void theFirstRunListsTheClassesAndLaterRunsMapTheArchiveMadeFromThem() throws Exception {
    Path jar = jar();
    Path cache = dir.resolve("cache");

    ClassDataSharing first = ClassDataSharing.inDirectory(jar, cache, "run1");
    List<String> listing = first.options(market);
    String list = option(listing, "-XX:DumpLoadedClassList=");
    assertTrue(list != null && list.endsWith(".run1.classlist"), listing.toString());
    assertEquals(
        List.of(), first.options(market), "only the first process of a role lists its classes");
    first.started(market, exited(), listing);
    writeClassList(list);
    assertTrue(first.makesArchives());
    first.finish(true);

    List<String> using = ClassDataSharing.inDirectory(jar, cache, "run2").options(market);
    String shared = option(using, "-XX:SharedArchiveFile=");
    assertTrue(shared != null, using.toString());
    try (Stream<Path> files = Files.list(cache)) {
      assertEquals(1, files.count(), "the archive alone: no list, no temporary file");
    }
    ArchiveChecks.assertMapped(jar, "-Xmx64m", shared);
  }

  /** A first run of the jar: its market lists its classes, exits, and the run ends. */
  private void firstRun(Path jar, Path cache, boolean completed) throws Exception {
    ClassDataSharing sharing = ClassDataSharing.inDirectory(jar, cache, "run1");
    List<String> listing = sharing.options(market);
    sharing.started(market, exited(), listing);
    writeClassList(option(listing, "-XX:DumpLoadedClassList="));
    sharing.finish(completed);
  }

  @Test
  void anInterruptedRunMakesNoArchiveAndLeavesNoList() throws Exception {
    Path jar = jar();
    Path cache = dir.resolve("cache");

    firstRun(jar, cache, false);

    try (Stream<Path> files = Files.list(cache)) {
      assertEquals(0, files.count());
    }
    assertTrue(
        option(
                ClassDataSharing.inDirectory(jar, cache, "run2").options(market),
                "-XX:DumpLoadedClassList=")
            != null,
        "the next run lists the classes again");
  }

  @Test
  void archivesNoRunUsedForAMonthAreRemovedAndThoseInUseAreKept() throws Exception {
    Path jar = jar();
    Path cache = dir.resolve("cache");
    firstRun(jar, cache, true);
    Path inUse;
    try (Stream<Path> files = Files.list(cache)) {
      inUse = files.findFirst().orElseThrow();
    }
    FileTime longAgo =
        FileTime.from(Instant.now().minus(ClassDataSharing.UNUSED_FOR).minus(Duration.ofDays(1)));
    Files.setLastModifiedTime(inUse, longAgo);
    Path orphan = Files.writeString(cache.resolve("home-0a1b2c3d-4e5f6a7b-8c9d0e1f.jsa"), "old");
    Files.setLastModifiedTime(orphan, longAgo);
    Path killedRunsList =
        Files.writeString(cache.resolve(orphan.getFileName() + ".r.classlist"), "");
    Files.setLastModifiedTime(killedRunsList, longAgo);
    Path recent = Files.writeString(cache.resolve("home-1a1b2c3d-4e5f6a7b-8c9d0e1f.jsa"), "new");

    ClassDataSharing later = ClassDataSharing.inDirectory(jar, cache, "run2");
    assertTrue(option(later.options(market), "-XX:SharedArchiveFile=") != null);
    later.finish(true);

    assertTrue(Files.exists(inUse), "the archive this run used is kept");
    assertTrue(Files.exists(recent), "an archive used lately is kept");
    assertFalse(Files.exists(orphan), "an archive unused for a month is removed");
    assertFalse(Files.exists(killedRunsList), "so is a list a killed run left behind");
  }

  @Test
  void onlyAClassPathOfOneJarCanBeArchived() {
    assertNull(ClassDataSharing.forClassPath("target/classes:lib.jar", "run"));
    assertNull(ClassDataSharing.forClassPath(dir.resolve("missing.jar").toString(), "run"));
    assertFalse(ClassDataSharing.forClassPath("target/classes", "run") != null);
  }
}

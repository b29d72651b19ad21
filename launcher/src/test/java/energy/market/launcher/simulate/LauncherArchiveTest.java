package energy.market.launcher.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's own archive, made or marked at the end of a run as the script asked. */
class LauncherArchiveTest {
  @TempDir Path dir;

  private Path jar;
  private Path cache;
  private Path archive;
  private Path list;

  @BeforeEach
  void setUp() throws Exception {
    // A real jar: the JVM checks the archive's class path against it.
    jar = dir.resolve("energy-market.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.flush();
    }
    cache = Files.createDirectories(dir.resolve("cache"));
    archive = cache.resolve("launcher-111-222.jsa");
    list = cache.resolve(archive.getFileName() + ".4242.classlist");
    // What the launcher's JVM wrote with -XX:DumpLoadedClassList.
    Files.write(list, List.of("java/lang/Object", "java/lang/String", "java/util/ArrayList"));
  }

  private void finishRun(LauncherArchive launcher, boolean completed) throws Exception {
    ClassDataSharing sharing = ClassDataSharing.inDirectory(jar, cache, "run1", launcher);
    assertEquals(launcher.makes(), sharing.makesArchives(), "the run announces what it makes");
    sharing.finish(completed);
  }

  @Test
  void aCompletedRunMakesTheArchiveAJvmMapsAndReplacesTheJarsOlderOnes() throws Exception {
    Path older = Files.writeString(cache.resolve("launcher-111-000.jsa"), "an earlier build");
    Path otherJar = Files.writeString(cache.resolve("launcher-999-000.jsa"), "another checkout");

    finishRun(new LauncherArchive(archive, list, jar), true);

    assertTrue(Files.isRegularFile(archive));
    assertFalse(Files.exists(list), "the list is removed once used");
    assertFalse(Files.exists(older), "the same jar's earlier archive is removed");
    assertTrue(Files.exists(otherJar), "another jar's archive is kept");
    ArchiveChecks.assertMapped(jar, "-XX:SharedArchiveFile=" + archive);
  }

  @Test
  void anInterruptedRunMakesNoArchiveAndLeavesNoList() throws Exception {
    finishRun(new LauncherArchive(archive, list, jar), false);

    assertFalse(Files.exists(archive));
    assertFalse(Files.exists(list));
  }

  @Test
  void aRunThatMappedTheArchiveMarksItUsed() throws Exception {
    Files.delete(list);
    Files.writeString(archive, "mapped by this run");
    FileTime weeksAgo = FileTime.from(Instant.now().minus(Duration.ofDays(20)));
    Files.setLastModifiedTime(archive, weeksAgo);

    finishRun(new LauncherArchive(archive, null, jar), true);

    assertTrue(Files.getLastModifiedTime(archive).compareTo(weeksAgo) > 0);
    assertEquals("mapped by this run", Files.readString(archive), "and does not make it again");
  }
}

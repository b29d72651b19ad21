package energy.market.launcher.simulate;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The launcher's own class-data archive, beside its children's. The {@code energy-market} script
 * names it after the launcher's jar and the JDK ({@code launcher-JAR-BUILD.jsa} in the children's
 * archive directory) and maps it when it exists; when it does not, a {@code simulate} run's JVM
 * lists the classes it loads, and the script tells the launcher where, through two system
 * properties. A run that completed then makes the archive from that list, as it does for each role.
 * With its 4,600 classes mapped, the launcher needs about 0.6 s less CPU before day 1, on a machine
 * whose two cores are what day 1 waits for.
 *
 * @param archive where the script looks for the archive
 * @param classList the list this JVM writes, or null when the archive was mapped instead
 * @param jar the launcher's jar, which the archive is made for
 */
public record LauncherArchive(Path archive, Path classList, Path jar) {
  /** The archive's path, from the script. */
  static final String ARCHIVE_PROPERTY = "energy.market.launcher.archive";

  /** The class list this JVM writes ({@code -XX:DumpLoadedClassList}), from the script. */
  static final String CLASS_LIST_PROPERTY = "energy.market.launcher.class-list";

  /** The options {@code simulate}'s JVM runs with (see the script): the archive is made alike. */
  private static final List<String> JVM_OPTIONS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  /** The archive the script asked for, or null when the launcher was started otherwise. */
  static LauncherArchive requested() {
    String archive = System.getProperty(ARCHIVE_PROPERTY);
    Optional<Path> jar = ChildClassPath.singleJar(System.getProperty("java.class.path", ""));
    if (archive == null || archive.isBlank() || jar.isEmpty()) {
      return null;
    }
    String list = System.getProperty(CLASS_LIST_PROPERTY);
    return new LauncherArchive(
        Path.of(archive), list == null || list.isBlank() ? null : Path.of(list), jar.get());
  }

  /**
   * Removes the class list the script asked this JVM to write, if it is still there once the
   * command is over: a run that ended before it began (bad options, say) made nothing of it.
   */
  public static void discardUnusedList() {
    String list = System.getProperty(CLASS_LIST_PROPERTY);
    if (list != null && !list.isBlank()) {
      try {
        Files.deleteIfExists(Path.of(list));
      } catch (IOException | RuntimeException e) {
        // A stray list in the cache is removed with the unused archives.
      }
    }
  }

  /** Whether this run has an archive to make. */
  boolean makes() {
    return classList != null;
  }

  /**
   * After the run: makes the archive from the list when the run completed (an interrupted one may
   * not have loaded every class a run needs) and removes this jar's older launcher archives; or,
   * when the archive was mapped, marks it as used, so that the cache keeps it.
   */
  void finish(boolean completed) throws InterruptedException {
    if (classList == null) {
      touch(archive);
      return;
    }
    try {
      if (completed
          && Files.isRegularFile(classList)
          && ArchiveDump.make(jar, JVM_OPTIONS, classList, archive)) {
        removeOlder();
      }
    } catch (IOException e) {
      // Not made: the next run lists the classes again.
    } finally {
      try {
        Files.deleteIfExists(classList);
      } catch (IOException e) {
        // A stray list in the cache is removed with the unused archives.
      }
    }
  }

  private static void touch(Path archive) {
    try {
      Files.setLastModifiedTime(archive, FileTime.from(Instant.now()));
    } catch (IOException e) {
      // Not marked: at worst the archive is made again after a month.
    }
  }

  /** The archives of earlier builds of the same jar: {@code launcher-JAR-*.jsa} but this one. */
  private void removeOlder() throws IOException {
    String name = archive.getFileName().toString();
    String sameJar = name.substring(0, name.lastIndexOf('-') + 1);
    try (DirectoryStream<Path> older =
        Files.newDirectoryStream(archive.getParent(), sameJar + "*.jsa")) {
      for (Path file : older) {
        if (!file.equals(archive)) {
          Files.deleteIfExists(file);
        }
      }
    }
  }
}

package energy.market.launcher.simulate;

import com.google.common.hash.Hashing;
import energy.market.client.UserDirectories;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Application class-data sharing for the children: the first process of each role in a run of a new
 * build lists the classes it loads (gRPC, Netty, protobuf, picocli, ours); once that run has
 * completed, the launcher turns each list into a static archive of the JDK's and the role's
 * classes, and later processes of the role map the archive instead of loading, parsing and
 * verifying every class again. Archives live in the user's cache directory, keyed by the jar, the
 * JDK and the JVM options, and removed once no run used them for a month; only a class path of one
 * jar can be archived. A missing or unusable archive only costs the speed-up: the JVM then loads
 * classes as usual.
 *
 * <p>Why a static archive made from a list rather than one dumped as the first process exits
 * ({@code -XX:ArchiveClassesAtExit}): on JDK 17 that dynamic archive leaves out classes compiled
 * for Java 5, which is all of picocli (171 classes, loaded and verified again in every process),
 * and it is mapped at a random address on top of the JDK's own archive. Measured with one home
 * process: 0.60 s of CPU to connect and 63.3 MB resident with the static archive, 0.64 s and 65.6
 * MB with the dynamic one.
 */
final class ClassDataSharing {
  /** Quiet: an archive that does not match is not worth a warning in every log. */
  private static final String QUIET = "-Xlog:cds=off";

  /**
   * Archives no run has used for this long are removed: those of jars that were deleted, moved or
   * rebuilt elsewhere (30 MB each) would otherwise stay in the cache for good.
   */
  static final Duration UNUSED_FOR = Duration.ofDays(30);

  private final Path jar;
  private final Path dir;
  private final String key;
  private final String runId;

  /** The launcher's own archive, when the script asked for one; else null. */
  private final LauncherArchive launcher;

  /** The class list each role's first process writes, by the archive it is for. */
  private final Map<Path, Path> lists = new HashMap<>();

  /** The process writing each list, and its options. */
  private final Map<Path, Child> listing = new HashMap<>();

  /** The archives this run maps, marked as used once each. */
  private final Set<Path> used = new HashSet<>();

  private ClassDataSharing(Path jar, Path dir, String key, String runId, LauncherArchive launcher) {
    this.jar = jar;
    this.dir = dir;
    this.key = key;
    this.runId = runId;
    this.launcher = launcher;
  }

  /** Sharing for children of this class path, or null when it cannot be used. */
  static ClassDataSharing forClassPath(String classPath, String runId) {
    Optional<Path> jar = ChildClassPath.singleJar(classPath);
    if (jar.isEmpty()) {
      return null;
    }
    return inDirectory(
        jar.get(), UserDirectories.cache().resolve("cds"), runId, LauncherArchive.requested());
  }

  /** Sharing for children of this jar with archives in {@code dir}, or null when impossible. */
  static ClassDataSharing inDirectory(Path jar, Path dir, String runId) {
    return inDirectory(jar, dir, runId, null);
  }

  /**
   * As {@link #inDirectory(Path, Path, String)}, also making or marking the launcher's own archive
   * ({@code launcher} may be null).
   */
  static ClassDataSharing inDirectory(Path jar, Path dir, String runId, LauncherArchive launcher) {
    try {
      Files.createDirectories(dir);
      String key =
          jar.toAbsolutePath()
              + "|"
              + Files.size(jar)
              + "|"
              + Files.getLastModifiedTime(jar).toMillis()
              + "|"
              + System.getProperty("java.home")
              + "|"
              + Runtime.version();
      return new ClassDataSharing(jar, dir, key, runId, launcher);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The JVM options that use this child's role's archive, or list its classes for one. */
  synchronized List<String> options(ChildSpec spec) {
    Path archive = archive(spec);
    if (Files.isRegularFile(archive)) {
      if (used.add(archive)) {
        markUsed(archive);
      }
      return List.of(QUIET, "-XX:SharedArchiveFile=" + archive);
    }
    if (lists.containsKey(archive)) {
      return List.of();
    }
    // The first process of the role lists its classes, in a file of this run's own.
    Path list = archive.resolveSibling(archive.getFileName() + "." + runId + ".classlist");
    lists.put(archive, list);
    return List.of("-XX:DumpLoadedClassList=" + list);
  }

  /** Notes which child lists a role's classes, to check later that it exited normally. */
  synchronized void started(ChildSpec spec, Child child, List<String> options) {
    if (options.stream().anyMatch(o -> o.startsWith("-XX:DumpLoadedClassList="))) {
      listing.put(archive(spec), child);
    }
  }

  /** Whether {@link #finish} has archives to make: the first run of a build. */
  synchronized boolean makesArchives() {
    return !lists.isEmpty() || (launcher != null && launcher.makes());
  }

  /**
   * After every child stopped: makes the archives from the lists of children that exited normally
   * in a run that completed (an interrupted run may not have loaded every class a run needs), two
   * at a time, and removes the lists.
   */
  synchronized void finish(boolean completed) {
    List<Callable<Void>> dumps = new ArrayList<>();
    for (Map.Entry<Path, Path> entry : lists.entrySet()) {
      Path archive = entry.getKey();
      Path list = entry.getValue();
      Child child = listing.get(archive);
      Integer code = child == null ? null : child.exitCode();
      // Killed (137) or never ended: the list may miss classes a run needs.
      if (completed && code != null && code != 137 && nonEmpty(list)) {
        dumps.add(
            () -> {
              if (ArchiveDump.make(jar, child.spec().jvmOptions(), list, archive)) {
                removeOlder(child.spec().role());
              }
              Files.deleteIfExists(list);
              return null;
            });
      } else {
        deleteQuietly(list);
      }
    }
    if (launcher != null) {
      dumps.add(
          () -> {
            launcher.finish(completed);
            return null;
          });
    }
    lists.clear();
    listing.clear();
    removeUnused();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      pool.invokeAll(dumps);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      pool.shutdownNow();
    }
  }

  private static boolean nonEmpty(Path file) {
    try {
      return Files.isRegularFile(file) && Files.size(file) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A stray list in the cache only wastes space.
    }
  }

  /**
   * {@code ROLE-JAR-BUILD-OPTIONS.jsa}: JAR names the jar's path, BUILD the jar's size and time and
   * the JDK, OPTIONS the JVM options (a role may run with small or large-process options).
   */
  private Path archive(ChildSpec spec) {
    return dir.resolve(
        prefix(spec.role())
            + hash(key).substring(0, 8)
            + "-"
            + hash(spec.jvmOptions().toString()).substring(0, 8)
            + ".jsa");
  }

  private String prefix(String role) {
    return role + "-" + hash(key.substring(0, key.indexOf('|'))).substring(0, 8) + "-";
  }

  private static String hash(String text) {
    return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString().substring(0, 16);
  }

  /** An archive's modification time says when a run last used it; the JVM does not check it. */
  private static void markUsed(Path archive) {
    try {
      Files.setLastModifiedTime(archive, FileTime.from(Instant.now()));
    } catch (IOException e) {
      // Not marked: at worst the archive is made again after a month.
    }
  }

  /** Removes archives, and lists of runs that were killed, that no run used for a month. */
  private void removeUnused() {
    Instant before = Instant.now().minus(UNUSED_FOR);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{jsa,classlist}")) {
      for (Path file : files) {
        if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      // Unused archives only waste space in the cache.
    }
  }

  /** Removes the archives of earlier builds of the same jar for this role. */
  private void removeOlder(String role) {
    String current = prefix(role) + hash(key).substring(0, 8) + "-";
    try (DirectoryStream<Path> older = Files.newDirectoryStream(dir, prefix(role) + "*.jsa")) {
      for (Path file : older) {
        if (!file.getFileName().toString().startsWith(current)) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      // Old archives only waste space in the cache.
    }
  }
}

package energy.market.launcher.simulate;

import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Application class-data sharing for the children: the classes a role loads (gRPC, Netty, protobuf,
 * ours) are dumped into an archive when that role's first process exits, and later processes of the
 * role map the archive instead of loading and verifying every class again, which roughly halves
 * each one's start-up CPU. Archives live in the user's cache directory, keyed by the jar, the JDK
 * and the JVM options; only a class path of one jar can be archived. A missing or unusable archive
 * only costs the speed-up: the JVM then loads classes as usual.
 */
final class ClassDataSharing {
  /** Quiet: an archive that does not match is not worth a warning in every log. */
  private static final String QUIET = "-Xlog:cds=off,cds+dynamic=off";

  private final Path dir;
  private final String key;
  private final String runId;
  private final Map<Path, Child> dumping = new HashMap<>();
  private final Map<Path, Path> pending = new HashMap<>();

  private ClassDataSharing(Path dir, String key, String runId) {
    this.dir = dir;
    this.key = key;
    this.runId = runId;
  }

  /** Sharing for children of this class path, or null when it cannot be used. */
  static ClassDataSharing forClassPath(String classPath, String runId) {
    Path jar = Path.of(classPath);
    if (classPath.contains(java.io.File.pathSeparator)
        || !classPath.endsWith(".jar")
        || !Files.isRegularFile(jar)) {
      return null;
    }
    String cache = System.getenv("XDG_CACHE_HOME");
    Path dir =
        (cache != null && !cache.isBlank()
                ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache"))
            .resolve("energy-market")
            .resolve("cds");
    return inDirectory(jar, dir, runId);
  }

  /** Sharing for children of this jar with archives in {@code dir}, or null when impossible. */
  static ClassDataSharing inDirectory(Path jar, Path dir, String runId) {
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
      return new ClassDataSharing(dir, key, runId);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The JVM options that use, or make, the archive of this child's role and options. */
  synchronized List<String> options(ChildSpec spec) {
    Path archive = archive(spec);
    List<String> options = new ArrayList<>(List.of(QUIET));
    if (Files.isRegularFile(archive)) {
      options.add("-XX:SharedArchiveFile=" + archive);
    } else if (!pending.containsKey(archive)) {
      // The first process of the role makes the archive, under a name of its own until done.
      Path temporary = archive.resolveSibling(archive.getFileName() + "." + runId + ".tmp");
      pending.put(archive, temporary);
      options.add("-XX:ArchiveClassesAtExit=" + temporary);
    }
    return options;
  }

  /** Notes which child makes an archive, to check later that it exited normally. */
  synchronized void started(ChildSpec spec, Child child, List<String> options) {
    Path archive = archive(spec);
    if (options.stream().anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="))) {
      dumping.put(archive, child);
    }
  }

  /**
   * After every child stopped: keeps the archives dumped by children that exited normally in a run
   * that completed (an interrupted run may not have loaded every class a run needs).
   */
  synchronized void finish(boolean completed) {
    for (Map.Entry<Path, Path> entry : pending.entrySet()) {
      Path temporary = entry.getValue();
      Child child = dumping.get(entry.getKey());
      Integer code = child == null ? null : child.exitCode();
      try {
        // Killed (137) or never ended: the dump may be partial, so it is not kept.
        if (completed
            && code != null
            && code != 137
            && Files.isRegularFile(temporary)
            && Files.size(temporary) > 0) {
          Files.move(temporary, entry.getKey(), StandardCopyOption.ATOMIC_MOVE);
          removeOlder(child.spec().role());
        } else {
          Files.deleteIfExists(temporary);
        }
      } catch (IOException e) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // A stray temporary file in the cache only wastes space.
        }
      }
    }
    pending.clear();
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

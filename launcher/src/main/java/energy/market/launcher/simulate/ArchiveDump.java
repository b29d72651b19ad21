package energy.market.launcher.simulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes a static class-data archive from a class list, with the JVM of this launcher: {@code java
 * -Xshare:dump}, under a temporary name that is renamed once complete, so that a process never maps
 * half an archive.
 */
final class ArchiveDump {
  /** A dump takes 2-3 s of CPU; far longer means something is wrong, and the archive is skipped. */
  private static final long TIMEOUT_SECONDS = 120;

  private ArchiveDump() {}

  /**
   * Dumps the classes of {@code classList}, found on {@code jar}, into {@code archive}, with the
   * JVM options the archive's processes will run with.
   *
   * @return whether the archive was made; a failure leaves nothing behind
   */
  static boolean make(Path jar, List<String> jvmOptions, Path classList, Path archive)
      throws InterruptedException {
    // Named after the list, which is the run's own: runs side by side never share a file.
    Path temporary = classList.resolveSibling(classList.getFileName() + ".jsa");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-Xshare:dump",
            "-Xlog:cds=off",
            "-XX:SharedClassListFile=" + classList,
            "-XX:SharedArchiveFile=" + temporary,
            "-cp",
            jar.toString()));
    Process process = null;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      boolean made =
          process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)
              && process.exitValue() == 0
              && Files.isRegularFile(temporary)
              && Files.size(temporary) > 0;
      if (made) {
        Files.move(temporary, archive, StandardCopyOption.ATOMIC_MOVE);
      }
      return made;
    } catch (IOException e) {
      return false;
    } finally {
      if (process != null) {
        process.destroyForcibly();
      }
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // A stray temporary file in the cache only wastes space.
      }
    }
  }
}

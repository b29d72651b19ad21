package energy.market.launcher.it;

import energy.market.launcher.Launcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The energy-market launcher as a real process: the shaded jar the build just made, as a person
 * runs it (else the test class path, when run from an IDE before packaging). Its output is kept;
 * closing it kills it and its children, so a failing test leaves nothing behind.
 */
final class LauncherProcess implements AutoCloseable {
  private static final Path JAR = Path.of("target", "energy-market.jar");

  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;

  private LauncherProcess(Process process) {
    this.process = process;
    this.reader = new Thread(this::read, "launcher-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code energy-market args...}, with the class-data archives cached under {@code
   * cacheDir} instead of the user's home.
   */
  static LauncherProcess start(Path cacheDir, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx128m");
    if (Files.isRegularFile(JAR)) {
      command.add("-jar");
      command.add(JAR.toString());
    } else {
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(Launcher.class.getName());
    }
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("XDG_CACHE_HOME", cacheDir.toAbsolutePath().toString());
    return new LauncherProcess(builder.start());
  }

  private void read() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // The process ended.
    }
  }

  /** Waits for a line containing {@code text}. */
  void awaitLine(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      while (lines.stream().noneMatch(l -> l.contains(text))) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
          throw new AssertionError(
              "no line with '" + text + "' within " + timeout + ":\n" + output());
        }
        lines.wait(Math.min(left, 100));
      }
    }
  }

  /** Waits for the exit code; fails the test if it takes longer. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the launcher did not exit within " + timeout + ":\n" + output());
    }
    reader.join(5_000);
    return process.exitValue();
  }

  /** Everything it printed. */
  String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  long pid() {
    return process.pid();
  }

  /** Sends a signal with the real kill command. */
  void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(process.pid())).start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new AssertionError("kill -s " + name + " " + process.pid() + " failed");
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}

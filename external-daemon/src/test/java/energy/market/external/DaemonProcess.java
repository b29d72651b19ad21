package energy.market.external;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The external daemon as a real child JVM, with its output collected line by line and real signals
 * sent with the {@code kill} command. {@link #close()} kills it, whatever the test did.
 */
final class DaemonProcess implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final List<String> lines = new ArrayList<>(); // guarded by itself

  private DaemonProcess(Process process) {
    this.process = process;
    pump(process.getInputStream(), "");
    pump(process.getErrorStream(), "err: ");
  }

  /** Starts {@code ExternalMain} with {@code args} on this test's class path. */
  static DaemonProcess start(String... args) throws IOException {
    return startMain("energy.market.external.ExternalMain", args);
  }

  /** Starts any main class of the test class path, with small-JVM flags. */
  static DaemonProcess startMain(String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // A quick start on a busy 2-core machine matters more than peak speed here.
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    return new DaemonProcess(new ProcessBuilder(command).start());
  }

  private void pump(InputStream stream, String prefix) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                  synchronized (lines) {
                    lines.add(prefix + line);
                    lines.notifyAll();
                  }
                }
              } catch (IOException e) {
                // the process is gone; what was read is kept
              }
            },
            "daemon-output-" + process.pid());
    thread.setDaemon(true);
    thread.start();
  }

  long pid() {
    return process.pid();
  }

  /** Everything the process printed so far, for assertion messages. */
  String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  /** Waits for a line matching {@code match}; fails the test with the output on timeout. */
  String awaitLine(Predicate<String> match, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean exited = false;
    synchronized (lines) {
      while (true) {
        for (String line : lines) {
          if (match.test(line)) {
            return line;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || exited) {
          throw new AssertionError(
              "the daemon did not print the expected line; its output:\n" + output());
        }
        // After the process ends, one more short wait lets the pumps read its last lines.
        exited = !process.isAlive();
        lines.wait(Math.max(1, Math.min(200, left / 1_000_000)));
      }
    }
  }

  /** Waits until the signal handlers are installed. */
  void awaitReady() throws InterruptedException {
    awaitLine(line -> line.equals("waiting for signals"), TIMEOUT);
  }

  /** Sends a real signal: {@code kill -s NAME <pid>}. */
  void kill(String signal) throws IOException, InterruptedException {
    Process kill =
        new ProcessBuilder("kill", "-s", signal, Long.toString(pid()))
            .redirectErrorStream(true)
            .start();
    String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new AssertionError("kill -s " + signal + " " + pid() + " failed: " + output);
    }
  }

  /** Waits for the process to end; fails the test on timeout. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the daemon did not stop; its output:\n" + output());
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

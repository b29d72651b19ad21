package energy.market.launcher.simulate;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

/**
 * A running child process. One thread of its own copies everything it prints (stdout and stderr,
 * merged) into its log file, so that it never blocks on a full pipe, remembers its last lines for
 * error reports, and notes its ready line. Its standard input stays open: a child started by the
 * launcher stops by itself when that pipe closes, that is when the launcher dies.
 */
final class Child {
  private static final int TAIL_LINES = 20;

  private final ChildSpec spec;
  private final List<String> command;
  private final Process process;
  private final Path log;
  private final Deque<String> tail = new ArrayDeque<>();
  private volatile String ready;

  private Child(ChildSpec spec, List<String> command, Process process, Path log) {
    this.spec = spec;
    this.command = List.copyOf(command);
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the child and its output thread.
   *
   * @param spec what to start
   * @param command the full command line
   * @param environment variables to add to the launcher's environment
   * @param log the log file, created or replaced
   */
  static Child start(
      ChildSpec spec, List<String> command, Map<String, String> environment, Path log)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    BufferedWriter writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      writer.close();
      throw e;
    }
    Child child = new Child(spec, command, process, log);
    Thread pump = new Thread(() -> child.copyOutput(writer), "output-" + spec.name());
    pump.setDaemon(true);
    pump.start();
    return child;
  }

  private void copyOutput(BufferedWriter writer) {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        writer) {
      String line;
      while ((line = in.readLine()) != null) {
        writer.write(line);
        writer.newLine();
        // Flushed line by line: the log must be complete even if the launcher is killed.
        writer.flush();
        remember(line);
      }
    } catch (IOException e) {
      // The pipe closed: the process ended or was killed.
    }
  }

  private void remember(String line) {
    synchronized (tail) {
      tail.addLast(line);
      if (tail.size() > TAIL_LINES) {
        tail.removeFirst();
      }
    }
    if (ready == null) {
      Matcher matcher = spec.ready().matcher(line);
      if (matcher.find()) {
        ready = matcher.groupCount() > 0 ? matcher.group(1) : line;
      }
    }
  }

  /** What the ready line said (its first group), or null before it came. */
  String ready() {
    return ready;
  }

  /** The last lines it printed. */
  List<String> tail() {
    synchronized (tail) {
      return new ArrayList<>(tail);
    }
  }

  ChildSpec spec() {
    return spec;
  }

  String name() {
    return spec.name();
  }

  List<String> command() {
    return command;
  }

  Path log() {
    return log;
  }

  long pid() {
    return process.pid();
  }

  Process process() {
    return process;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Its exit code, or null while it runs. */
  Integer exitCode() {
    return process.isAlive() ? null : process.exitValue();
  }

  /**
   * Sends SIGTERM. Through the process handle: {@link Process#destroy()} would also close our end
   * of its output pipe and lose what it prints while stopping.
   */
  void terminate() {
    process.toHandle().destroy();
  }

  /** Sends SIGKILL. */
  void kill() {
    process.toHandle().destroyForcibly();
  }

  /** Waits for it to end; true when it has. */
  boolean awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}

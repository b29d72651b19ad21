package energy.market.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM child process started from the test's own class path, whose output lines the test can wait
 * for. Closing it stops it (SIGTERM, then SIGKILL after a grace period), so a failing test never
 * leaves it behind.
 */
public final class ChildProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
  private final List<String> transcript = new ArrayList<>();
  private final List<Thread> readers = new ArrayList<>();

  private ChildProcess(String name, Process process) {
    this.name = name;
    this.process = process;
    pump(process.getInputStream(), stdout, "");
    pump(process.getErrorStream(), null, "[err] ");
  }

  /**
   * Starts {@code mainClass} with {@code args} in a new JVM.
   *
   * @param name a name for failure messages
   */
  public static ChildProcess startJava(String name, String mainClass, List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    return new ChildProcess(name, new ProcessBuilder(command).start());
  }

  private void pump(InputStream stream, BlockingQueue<String> lines, String prefix) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  synchronized (transcript) {
                    transcript.add(prefix + line);
                  }
                  if (lines != null) {
                    lines.add(line);
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
            },
            name + "-output");
    reader.setDaemon(true);
    reader.start();
    readers.add(reader);
  }

  /** Waits for a stdout line matching {@code regex}; returns its first group (or the line). */
  public String awaitLine(String regex, Duration timeout) throws InterruptedException {
    Pattern pattern = Pattern.compile(regex);
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      String line = stdout.poll(50, TimeUnit.MILLISECONDS);
      if (line != null) {
        Matcher matcher = pattern.matcher(line);
        if (matcher.find()) {
          return matcher.groupCount() > 0 ? matcher.group(1) : line;
        }
      } else if (!process.isAlive() && stdout.isEmpty()) {
        break;
      }
    }
    throw new AssertionError(
        name
            + ": no line matching /"
            + regex
            + "/ within "
            + timeout
            + "; output:\n"
            + transcript());
  }

  /** Everything the process printed so far, stderr lines marked. */
  public String transcript() {
    synchronized (transcript) {
      return String.join("\n", transcript);
    }
  }

  /** The OS process id. */
  public long pid() {
    return process.pid();
  }

  /** The process. */
  public Process process() {
    return process;
  }

  /** Sends a signal (for example "TERM", "INT", "USR1") with the real kill command. */
  public void signal(String signal) throws IOException, InterruptedException {
    Process kill =
        new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid()))
            .redirectErrorStream(true)
            .start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new AssertionError("kill -s " + signal + " " + process.pid() + " failed");
    }
  }

  /**
   * Sends SIGTERM and waits for the exit code. (Not {@link Process#destroy()}: it also closes our
   * ends of the pipes, losing what the process prints while it stops.)
   */
  public int terminate(Duration timeout) throws InterruptedException, IOException {
    signal("TERM");
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(name + " did not stop within " + timeout + ":\n" + transcript());
    }
    for (Thread reader : readers) {
      reader.join(TimeUnit.SECONDS.toMillis(5));
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}

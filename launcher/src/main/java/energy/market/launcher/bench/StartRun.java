package energy.market.launcher.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One run of a whole simulation command, timed as its user sees it: from the command's start to its
 * {@code day 1} line (with the CPU that every process of the run had used by then), and from its
 * last day's line to its exit.
 */
final class StartRun {
  /** The line the launcher prints as each day closes, headless or not: "day 12: price ...". */
  private static final Pattern DAY_LINE = Pattern.compile("day (\\d+): .*");

  /** Lines of the command's output kept for the message of a run that failed. */
  private static final int KEPT_LINES = 20;

  private final List<String> command;
  private final Duration timeout;

  private final Deque<String> lastLines = new ArrayDeque<>();
  private volatile boolean sawFirstDay;
  private volatile long firstDayNanos;
  private volatile double cpuByFirstDay;
  private volatile long processesByFirstDay;
  private volatile long lastDayNanos;

  /**
   * @param command the program and its arguments
   * @param timeout how long the whole run may take before it counts as failed and is stopped
   */
  StartRun(List<String> command, Duration timeout) {
    this.command = List.copyOf(command);
    this.timeout = timeout;
  }

  /**
   * Runs the command to its end.
   *
   * @return the run's figures
   * @throws IOException when it cannot start, exits with an error, prints no day, or overruns (the
   *     message ends with its last lines)
   */
  Figures measure() throws IOException, InterruptedException {
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    ProcessHandle root = process.toHandle();
    Thread reader = new Thread(() -> read(process, root), "start-bench-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    boolean exited = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    long ended = System.nanoTime();
    if (!exited) {
      stop(process);
      throw failed("did not finish within " + timeout.toSeconds() + " s");
    }
    reader.join(TimeUnit.SECONDS.toMillis(5));
    if (process.exitValue() != 0) {
      throw failed("exited with code " + process.exitValue());
    }
    if (!sawFirstDay) {
      throw failed("printed no 'day 1:' line");
    }
    return new Figures()
        .put("day 1 s", (firstDayNanos - started) / 1e9)
        .put("CPU by day 1 s", cpuByFirstDay)
        .put("processes", processesByFirstDay)
        .put("exit after last day s", (ended - lastDayNanos) / 1e9);
  }

  private void read(Process process, ProcessHandle root) {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        long now = System.nanoTime();
        if (DAY_LINE.matcher(line).matches()) {
          lastDayNanos = now;
          if (!sawFirstDay) {
            firstDayNanos = now;
            List<ProcessHandle> run =
                Stream.concat(Stream.of(root), root.descendants()).collect(Collectors.toList());
            cpuByFirstDay = cpuSeconds(run);
            processesByFirstDay = run.size();
            sawFirstDay = true;
          }
        }
        keep(line);
      }
    } catch (IOException e) {
      keep("(reading the output failed: " + e.getMessage() + ")");
    }
  }

  /** CPU time of these processes, as the kernel counts it. */
  private static double cpuSeconds(List<ProcessHandle> processes) {
    return processes.stream()
            .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
            .sum()
        / 1e9;
  }

  private synchronized void keep(String line) {
    if (lastLines.size() == KEPT_LINES) {
      lastLines.removeFirst();
    }
    lastLines.addLast(line);
  }

  private synchronized IOException failed(String what) {
    return new IOException(
        String.join(" ", command)
            + " "
            + what
            + "; its last lines:\n  "
            + String.join("\n  ", lastLines));
  }

  /** SIGTERM, as Ctrl-C would; the launcher stops its children. Then, if need be, SIGKILL. */
  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}

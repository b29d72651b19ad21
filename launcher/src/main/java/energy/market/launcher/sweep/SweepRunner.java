package energy.market.launcher.sweep;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs a shard's runs, {@code parallel} at a time, each a simulate child writing into {@code
 * runs/RUN/}. A run whose results are complete is kept, not run again; what an unfinished one left
 * is cleared before it starts afresh. A stop request ends the children with SIGTERM, which simulate
 * turns into an orderly stop of its own children.
 */
final class SweepRunner {
  private final Path sweepDir;
  private final List<String> extraArgs;
  private final int parallel;
  private final SweepProgress progress;
  private final Set<Process> running = ConcurrentHashMap.newKeySet();
  private volatile boolean stopping;

  /**
   * @param sweepDir the sweep's directory
   * @param extraArgs simulate options every run gets (besides its parameters)
   * @param parallel runs at once
   * @param progress the display
   */
  SweepRunner(Path sweepDir, List<String> extraArgs, int parallel, SweepProgress progress) {
    this.sweepDir = sweepDir;
    this.extraArgs = List.copyOf(extraArgs);
    this.parallel = parallel;
    this.progress = progress;
  }

  /** The directory of the runs' results. */
  static Path runsDir(Path sweepDir) {
    return sweepDir.resolve("runs");
  }

  /** Simulate's options for a run, without the results directory and run id. */
  static List<String> parameterArgs(SweepDefinition definition, PlannedRun run) {
    List<String> args = new ArrayList<>();
    for (SweepParameter parameter : definition.parameters()) {
      String value = run.values().get(parameter.name());
      args.add("--" + parameter.name() + "=" + parameter.simulateValue(value));
    }
    return args;
  }

  /**
   * Runs those of {@code runs} not finished before, and waits for them all (or for a stop).
   *
   * @return false when stopped before the end
   */
  boolean run(SweepDefinition definition, List<PlannedRun> runs) throws InterruptedException {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            parallel, new ThreadFactoryBuilder().setNameFormat("sweep-run-%d").build());
    try {
      for (PlannedRun run : runs) {
        if (RunDirectory.isComplete(runsDir(sweepDir).resolve(run.name()))) {
          progress.kept(run);
        } else {
          pool.execute(() -> runOne(definition, run));
        }
      }
      pool.shutdown();
      while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
        // Waits for the runs; a stop request ends them, and with them the pool.
      }
    } finally {
      pool.shutdownNow();
    }
    return !stopping;
  }

  /** Ends every running run (SIGTERM); runs not started yet are not started. */
  void stop() {
    stopping = true;
    running.forEach(SweepRunner::terminate);
  }

  /**
   * SIGTERM, which simulate turns into an orderly stop. Not {@link Process#destroy()}: it also
   * closes the child's standard input, which a simulate started by us takes for our death.
   */
  private static void terminate(Process process) {
    process.toHandle().destroy();
  }

  private void runOne(SweepDefinition definition, PlannedRun run) {
    if (stopping) {
      return;
    }
    long start = System.nanoTime();
    Path runs = runsDir(sweepDir);
    String detail;
    progress.started();
    try {
      RunDirectory.clear(runs.resolve(run.name()));
      Files.createDirectories(sweepDir.resolve("logs"));
      List<String> args = new ArrayList<>(parameterArgs(definition, run));
      args.addAll(List.of("--headless", "--results-dir", runs.toString(), "--run-id", run.name()));
      args.addAll(extraArgs);
      Process process =
          SimulateProcess.start(
              args, definition.id(), sweepDir.resolve("logs").resolve(run.name() + ".log"));
      running.add(process);
      if (stopping) {
        terminate(process);
      }
      int code = process.waitFor();
      running.remove(process);
      detail = "exit code " + code + ", see logs/" + run.name() + ".log";
    } catch (IOException e) {
      detail = "could not start: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      detail = "interrupted";
    }
    boolean completed = RunDirectory.isComplete(runs.resolve(run.name()));
    if (!completed && stopping) {
      progress.stopped(run, Duration.ofNanos(System.nanoTime() - start));
      return;
    }
    progress.ended(run, completed, Duration.ofNanos(System.nanoTime() - start), detail);
  }
}

package energy.market.launcher.sweep;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * The sweep's one progress display: a line with a bar of the whole sweep each time a run ends,
 * {@code [######......] 3/8 runs 0 failed 2 running r0003 completed in 4.1 s 12.5 s}.
 */
final class SweepProgress {
  private static final int BAR = 24;

  private final PrintWriter out;
  private final int total;
  private final long started = System.nanoTime();
  private int done;
  private int failed;
  private int running;

  SweepProgress(PrintWriter out, int total) {
    this.out = out;
    this.total = total;
  }

  synchronized void kept(PlannedRun run) {
    done++;
    line(run.name() + " finished before, kept");
  }

  synchronized void started() {
    running++;
  }

  synchronized void ended(PlannedRun run, boolean completed, Duration took, String detail) {
    running--;
    done++;
    if (!completed) {
      failed++;
    }
    line(
        run.name()
            + (completed ? " completed" : " FAILED (" + detail + ")")
            + String.format(Locale.ROOT, " in %.1f s", took.toMillis() / 1000.0));
  }

  /** A run the sweep stopped before it ended: neither done nor failed, it runs again on resume. */
  synchronized void stopped(PlannedRun run, Duration took) {
    running--;
    line(
        run.name() + String.format(Locale.ROOT, " stopped after %.1f s", took.toMillis() / 1000.0));
  }

  synchronized int failed() {
    return failed;
  }

  private void line(String event) {
    int filled = total == 0 ? BAR : done * BAR / total;
    out.printf(
        Locale.ROOT,
        "[%s%s] %d/%d runs  %d failed  %d running  %s  %.1f s%n",
        "#".repeat(filled),
        ".".repeat(BAR - filled),
        done,
        total,
        failed,
        running,
        event,
        (System.nanoTime() - started) / 1e9);
    out.flush();
  }
}

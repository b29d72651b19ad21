package energy.market.server.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * Time for the day clock: the current instant and delayed tasks, all run on one thread. Tests hand
 * the clock a manual scheduler; the server hands it a single-threaded executor.
 */
public interface Scheduler {
  /** The current time. */
  Instant now();

  /** Runs {@code task} on the scheduler's thread after {@code delay}. */
  Cancellable schedule(Duration delay, Runnable task);

  /** A scheduled task that may still be cancelled. */
  interface Cancellable {
    /** Cancels the task if it has not run. */
    void cancel();
  }
}

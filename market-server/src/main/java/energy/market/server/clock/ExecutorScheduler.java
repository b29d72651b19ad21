package energy.market.server.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A {@link Scheduler} on a single-threaded scheduled executor and a wall clock. */
public final class ExecutorScheduler implements Scheduler {
  private static final Logger LOG = Logger.getLogger(ExecutorScheduler.class.getName());

  private final ScheduledExecutorService executor;
  private final Clock clock;

  public ExecutorScheduler(ScheduledExecutorService executor, Clock clock) {
    this.executor = executor;
    this.clock = clock;
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    Runnable logged =
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            // A failing clock task is a bug; the executor would swallow it silently.
            LOG.log(Level.SEVERE, "day clock task failed", e);
          }
        };
    ScheduledFuture<?> future =
        executor.schedule(logged, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }
}

package energy.market.server.engine;

import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import energy.market.server.clock.ExecutorScheduler;
import energy.market.server.clock.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one thread that changes the market's state, so the day's logic reads as sequential code and
 * its outcome depends only on its inputs. Callers on other threads hand it work and get futures.
 */
final class MarketThread {
  private static final Logger LOG = Logger.getLogger(MarketThread.class.getName());

  private final ScheduledThreadPoolExecutor executor;

  MarketThread() {
    executor =
        new ScheduledThreadPoolExecutor(
            1, new ThreadFactoryBuilder().setNameFormat("market").setDaemon(true).build());
    executor.setRemoveOnCancelPolicy(true);
  }

  /** The day clock's timers, run on this thread. */
  Scheduler scheduler(Clock wallClock) {
    return new ExecutorScheduler(executor, wallClock);
  }

  /** Runs work on the market thread; a failure there is a bug, so it is logged loudly. */
  void run(Runnable work) {
    try {
      executor.execute(
          () -> {
            try {
              work.run();
            } catch (RuntimeException e) {
              LOG.log(Level.SEVERE, "market thread task failed", e);
            }
          });
    } catch (RejectedExecutionException e) {
      LOG.fine("market is shutting down; dropped a task");
    }
  }

  /** Runs work on the market thread; its answer or its failure completes the future. */
  <T> CompletableFuture<T> call(Callable<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      executor.execute(
          () -> {
            try {
              result.complete(work.call());
            } catch (Throwable t) {
              result.completeExceptionally(t);
            }
          });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(new MarketStoppingException());
    }
    return result;
  }

  /** Stops the thread, letting queued work finish for a while. */
  void shutdown(Duration timeout) {
    MoreExecutors.shutdownAndAwaitTermination(executor, timeout);
  }
}

package energy.market.server.trade;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.ListenableFutureTask;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The market's one bounded trade executor: at most {@code maxConcurrent} transactions run at once
 * and at most {@code queueCapacity} wait; anything beyond is refused at once with {@link
 * OverloadedException} instead of queueing without bound.
 */
public final class TradeExecutor implements AutoCloseable {
  private final ThreadPoolExecutor pool;
  private final int maxConcurrent;
  private final int queueCapacity;
  private final AtomicInteger inFlight = new AtomicInteger();

  /**
   * @param maxConcurrent the limit on simultaneous transactions (at least 1)
   * @param queueCapacity how many may wait (at least 1)
   */
  public TradeExecutor(int maxConcurrent, int queueCapacity) {
    if (maxConcurrent < 1 || maxConcurrent > 1024) {
      throw new IllegalArgumentException(
          "max concurrent trades " + maxConcurrent + " is out of range 1..1024");
    }
    if (queueCapacity < 1 || queueCapacity > 1_000_000) {
      throw new IllegalArgumentException(
          "trade queue " + queueCapacity + " is out of range 1..1000000");
    }
    this.maxConcurrent = maxConcurrent;
    this.queueCapacity = queueCapacity;
    this.pool =
        new ThreadPoolExecutor(
            maxConcurrent,
            maxConcurrent,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(queueCapacity),
            new ThreadFactoryBuilder().setNameFormat("trade-%d").setDaemon(true).build(),
            new ThreadPoolExecutor.AbortPolicy());
    pool.prestartAllCoreThreads();
  }

  /**
   * Queues a transaction.
   *
   * @throws OverloadedException when the queue is full
   */
  public <T> ListenableFuture<T> submit(Callable<T> transaction) {
    ListenableFutureTask<T> task =
        ListenableFutureTask.create(
            () -> {
              inFlight.incrementAndGet();
              try {
                return transaction.call();
              } finally {
                inFlight.decrementAndGet();
              }
            });
    try {
      pool.execute(task);
    } catch (RejectedExecutionException e) {
      throw new OverloadedException(
          "trade queue is full ("
              + maxConcurrent
              + " trades running, "
              + queueCapacity
              + " waiting); retry later");
    }
    return task;
  }

  /** Transactions executing at this moment. */
  public int inFlight() {
    return inFlight.get();
  }

  /** Transactions waiting for a slot. */
  public int queued() {
    return pool.getQueue().size();
  }

  /** The limit on simultaneous transactions. */
  public int maxConcurrent() {
    return maxConcurrent;
  }

  /** Finishes the queued transactions and stops, waiting at most {@code timeout}. */
  public boolean shutdown(Duration timeout) {
    return MoreExecutors.shutdownAndAwaitTermination(pool, timeout);
  }

  @Override
  public void close() {
    shutdown(Duration.ofSeconds(10));
  }
}

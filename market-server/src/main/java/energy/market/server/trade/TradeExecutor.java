package energy.market.server.trade;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.ListenableFutureTask;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The market's one bounded trade executor: at most {@code maxConcurrent} transactions run at once
 * and at most {@code queueCapacity} wait; anything beyond is refused at once with {@link
 * OverloadedException} instead of queueing without bound.
 *
 * <p>A transaction runs once it holds one of the {@code maxConcurrent} slots: on a worker thread
 * ({@link #submit}), or, when a slot is free and nothing waits, on the caller's own thread ({@link
 * #runOrSubmit}), which saves the hand-off to a worker.
 */
public final class TradeExecutor implements AutoCloseable {
  private final ThreadPoolExecutor pool;
  private final int maxConcurrent;
  private final int queueCapacity;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Semaphore slots;

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
    this.slots = new Semaphore(maxConcurrent);
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
              slots.acquire();
              try {
                return runInSlot(transaction);
              } finally {
                slots.release();
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

  /**
   * Runs a transaction on the calling thread when a slot is free and no transaction waits for one,
   * else queues it as {@link #submit} does. The transaction must not block: the caller may be a
   * transport thread.
   *
   * @throws OverloadedException when it would wait and the queue is full
   */
  public <T> ListenableFuture<T> runOrSubmit(Callable<T> transaction) {
    if (pool.getQueue().isEmpty() && slots.tryAcquire()) {
      try {
        return Futures.immediateFuture(runInSlot(transaction));
      } catch (Exception e) {
        return Futures.immediateFailedFuture(e);
      } finally {
        slots.release();
      }
    }
    return submit(transaction);
  }

  private <T> T runInSlot(Callable<T> transaction) throws Exception {
    inFlight.incrementAndGet();
    try {
      return transaction.call();
    } finally {
      inFlight.decrementAndGet();
    }
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

package energy.market.external;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import energy.market.client.Backoff;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The ordered, bounded, in-memory queue of events waiting for the market, drained by one named
 * thread.
 *
 * <p>{@link #offer} only takes a lock and appends, so a signal handler may call it: no I/O, no
 * waiting. The drain thread reports the first event, and only when the market acknowledges (or
 * rejects it for good) moves to the next one, so events reach the market in the order they were
 * caught, and an outage only delays them. Between failed attempts it waits with {@link Backoff}.
 *
 * <p>Log lines (queued, acknowledged, retried, dropped) are composed under the lock but printed by
 * the drain thread, which keeps I/O out of the callers.
 */
public final class Outbox implements AutoCloseable {

  /** Reports one event to the market; called on the drain thread only. */
  @FunctionalInterface
  public interface Reporter {
    /** One attempt; must return within a bounded time (a deadline). */
    ReportOutcome report(ReportedEvent event) throws InterruptedException;
  }

  /** The default number of events that may wait for the market. */
  public static final int DEFAULT_CAPACITY = 1_000;

  private static final int MAX_NOTICES = 256;

  private record Entry(long sequence, ReportedEvent event) {}

  private final int capacity;
  private final Reporter reporter;
  private final Backoff backoff; // drain thread only
  private final Consumer<String> log;
  private final Thread drainer;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  // Everything below is guarded by lock.
  private final ArrayDeque<Entry> queue = new ArrayDeque<>();
  private final Set<String> waitingIds = new HashSet<>();
  private final ArrayDeque<String> notices = new ArrayDeque<>();
  private long noticesLost;
  private long lastSequence;
  private long nextAttemptNanos;
  private boolean retrying;
  private long delivered;
  private boolean started;
  private boolean closed;

  /**
   * @param capacity how many events may wait; beyond it new events are dropped with a log line
   * @param reporter the attempt to report one event
   * @param backoff the pause between failed attempts
   * @param log where progress lines go, one each (called on the drain thread)
   */
  public Outbox(int capacity, Reporter reporter, Backoff backoff, Consumer<String> log) {
    if (capacity < 1) {
      throw new IllegalArgumentException("outbox capacity must be at least 1: " + capacity);
    }
    this.capacity = capacity;
    this.reporter = reporter;
    this.backoff = backoff;
    this.log = log;
    this.drainer =
        new ThreadFactoryBuilder()
            .setNameFormat("external-outbox")
            .setDaemon(true)
            .build()
            .newThread(this::drain);
  }

  /** Starts the drain thread. */
  public void start() {
    lock.lock();
    try {
      if (started) {
        throw new IllegalStateException("the outbox is already started");
      }
      started = true;
    } finally {
      lock.unlock();
    }
    drainer.start();
  }

  /**
   * Appends an event, without I/O or waiting (safe in a signal handler).
   *
   * @return true when the event was queued; false when the outbox is closed, full, or an event with
   *     the same id is already waiting (sending it twice could only be a duplicate)
   */
  public boolean offer(ReportedEvent event) {
    lock.lock();
    try {
      if (closed) {
        return false;
      }
      if (waitingIds.contains(event.id())) {
        notice("event " + event.id() + " is already waiting for the market; not queued twice");
        return false;
      }
      if (queue.size() >= capacity) {
        notice(
            "outbox full ("
                + capacity
                + " events wait for the market): dropped "
                + event.describe());
        return false;
      }
      queue.addLast(new Entry(++lastSequence, event));
      waitingIds.add(event.id());
      notice("caught " + event.describe() + ": queued, " + queue.size() + " waiting");
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** The sequence number of the last event queued (0 before the first). */
  public long lastSequence() {
    lock.lock();
    try {
      return lastSequence;
    } finally {
      lock.unlock();
    }
  }

  /** How many events wait for the market now. */
  public int waiting() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /** How many events the market has acknowledged so far. */
  public long delivered() {
    lock.lock();
    try {
      return delivered;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until every event queued up to {@code sequence} has left the outbox (acknowledged or
   * rejected for good).
   *
   * @return true when they have; false when the timeout passed first or the outbox was closed
   */
  public boolean awaitDelivered(long sequence, Duration timeout) throws InterruptedException {
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      while (!queue.isEmpty() && queue.peekFirst().sequence() <= sequence) {
        if (closed || remaining <= 0) {
          return false;
        }
        remaining = changed.awaitNanos(remaining);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void drain() {
    try {
      while (true) {
        List<String> lines;
        Entry head;
        lock.lock();
        try {
          while (!closed && notices.isEmpty() && !headIsDue()) {
            if (queue.isEmpty()) {
              changed.await();
            } else {
              changed.awaitNanos(nextAttemptNanos - System.nanoTime());
            }
          }
          lines = takeNotices();
          head = !closed && headIsDue() ? queue.peekFirst() : null;
          if (closed) {
            lines.forEach(log);
            return;
          }
        } finally {
          lock.unlock();
        }
        lines.forEach(log);
        if (head != null) {
          settle(head, attempt(head.event()));
        }
      }
    } catch (InterruptedException e) {
      // close() interrupts a report that is in flight; the event stays undelivered
      Thread.currentThread().interrupt();
    }
  }

  private ReportOutcome attempt(ReportedEvent event) throws InterruptedException {
    try {
      return reporter.report(event);
    } catch (RuntimeException e) {
      // A bug, not an outage: retrying the same call would fail the same way forever.
      return new ReportOutcome.Rejected("reporting failed: " + e);
    }
  }

  private void settle(Entry head, ReportOutcome outcome) {
    lock.lock();
    try {
      if (outcome instanceof ReportOutcome.Retry retry) {
        Duration delay = backoff.next();
        nextAttemptNanos = System.nanoTime() + delay.toNanos();
        notice(
            "could not deliver "
                + head.event().id()
                + " yet ("
                + retry.reason()
                + "): "
                + queue.size()
                + " waiting, next attempt in "
                + delay.toMillis()
                + " ms");
        retrying = true;
        return;
      }
      queue.removeFirst();
      waitingIds.remove(head.event().id());
      backoff.reset();
      nextAttemptNanos = 0;
      if (outcome instanceof ReportOutcome.Acknowledged ack) {
        delivered++;
        notice(
            (retrying ? "market back; " : "")
                + "delivered "
                + head.event().describe()
                + ": "
                + ack.detail());
      } else if (outcome instanceof ReportOutcome.Rejected rejected) {
        notice(
            "dropped "
                + head.event().describe()
                + ": the market refused it ("
                + rejected.reason()
                + ")");
      }
      retrying = false;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private boolean headIsDue() {
    return !queue.isEmpty() && System.nanoTime() - nextAttemptNanos >= 0;
  }

  private void notice(String line) {
    if (notices.size() >= MAX_NOTICES) {
      noticesLost++;
    } else {
      notices.addLast(line);
    }
    changed.signalAll();
  }

  private List<String> takeNotices() {
    List<String> lines = new ArrayList<>(notices);
    notices.clear();
    if (noticesLost > 0) {
      lines.add("(" + noticesLost + " more log lines were skipped)");
      noticesLost = 0;
    }
    return lines;
  }

  /** Stops the drain thread without delivering anything more; an attempt in flight is cut. */
  @Override
  public void close() {
    closeAndCount(Duration.ofSeconds(2));
  }

  /**
   * Like {@link #close()}, waiting at most {@code timeout} for the drain thread.
   *
   * @return how many events were still waiting for the market
   */
  public int closeAndCount(Duration timeout) {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (drainer.isAlive()) {
      drainer.interrupt();
      try {
        drainer.join(TimeUnit.NANOSECONDS.toMillis(timeout.toNanos()) + 1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return waiting();
  }
}

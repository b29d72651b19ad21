package energy.market.server.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.ToLongFunction;

/**
 * A feed of day-stamped items: a subscriber replays the history from a day, then follows live.
 *
 * <p>Subscribers pull from the one shared history with their own cursor, only while their transport
 * is ready, so a slow subscriber costs no memory of its own and never slows the publisher. One that
 * falls more than {@code maxLag} items behind the live end (counted from when it subscribed, so a
 * long replay is not "behind") is dropped.
 */
public final class ReplayFeed<T> {
  private final ToLongFunction<T> dayOf;
  private final int maxLag;
  private final List<T> history = new ArrayList<>();
  private final Set<Subscription> subscriptions = new CopyOnWriteArraySet<>();

  /**
   * @param dayOf the day of an item; days never decrease along the feed
   * @param maxLag how far behind live a subscriber may fall before it is dropped
   */
  public ReplayFeed(ToLongFunction<T> dayOf, int maxLag) {
    this.dayOf = dayOf;
    this.maxLag = maxLag;
  }

  /** Appends an item and offers it to every subscriber. */
  public void publish(T item) {
    synchronized (history) {
      history.add(item);
    }
    for (Subscription subscription : subscriptions) {
      subscription.drain();
    }
  }

  /** Every item published so far. */
  public List<T> history() {
    synchronized (history) {
      return List.copyOf(history);
    }
  }

  /** The newest item, or null. */
  public T latest() {
    synchronized (history) {
      return history.isEmpty() ? null : history.get(history.size() - 1);
    }
  }

  /** Ends every subscription, telling each subscriber why (the market is stopping). */
  public void endAll(String reason) {
    for (Subscription subscription : subscriptions) {
      subscription.end(reason);
    }
  }

  /** Live subscribers. */
  public int subscribers() {
    return subscriptions.size();
  }

  /**
   * Subscribes from {@code fromDay} (0: live only) and delivers what is ready at once.
   *
   * @throws IllegalArgumentException for a negative day
   */
  public Subscription subscribe(long fromDay, FeedSink<T> sink) {
    if (fromDay < 0) {
      throw new IllegalArgumentException("from_day " + fromDay + " is negative; use 0 for live");
    }
    Subscription subscription;
    synchronized (history) {
      int start = fromDay == 0 ? history.size() : firstIndexFrom(fromDay);
      subscription = new Subscription(sink, start, history.size());
    }
    subscriptions.add(subscription);
    subscription.drain();
    return subscription;
  }

  private int firstIndexFrom(long day) {
    int low = 0;
    int high = history.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (dayOf.applyAsLong(history.get(mid)) < day) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private int size() {
    synchronized (history) {
      return history.size();
    }
  }

  private T get(int index) {
    synchronized (history) {
      return history.get(index);
    }
  }

  /** One subscriber's cursor into the history. */
  public final class Subscription {
    private final FeedSink<T> sink;
    private final int liveFrom;
    private int cursor;
    private boolean closed;

    private Subscription(FeedSink<T> sink, int cursor, int liveFrom) {
      this.sink = sink;
      this.cursor = cursor;
      this.liveFrom = liveFrom;
    }

    /** Sends what the transport can take now; call again when it becomes ready. */
    public synchronized void drain() {
      if (closed) {
        return;
      }
      int end = size();
      while (cursor < end && sink.isReady()) {
        sink.send(get(cursor++));
      }
      int behind = end - Math.max(cursor, liveFrom);
      if (behind > maxLag) {
        cancel();
        sink.drop(
            "subscriber fell " + behind + " items behind the live feed (limit " + maxLag + ")");
      }
    }

    private synchronized void end(String reason) {
      if (!closed) {
        cancel();
        sink.end(reason);
      }
    }

    /** Stops delivering. */
    public synchronized void cancel() {
      closed = true;
      subscriptions.remove(this);
    }
  }
}

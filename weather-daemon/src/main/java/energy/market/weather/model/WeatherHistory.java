package energy.market.weather.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The days the daemon published, the newest {@code capacity} of them, and the listeners that want
 * to hear of each new one. Subscribers of the weather feed are cursors into this history, so a slow
 * subscriber costs no memory of its own: it falls behind until the day it needs next is evicted,
 * and then it has lost data ({@link Next.Evicted}). Thread-safe.
 */
public final class WeatherHistory {

  /** What follows a given day. */
  public sealed interface Next permits Next.Found, Next.UpToDate, Next.Evicted {
    /** The next published day. */
    record Found(DailyWeather weather) implements Next {}

    /** Nothing newer is published yet. */
    record UpToDate() implements Next {}

    /** Days after the given one were evicted before being read. */
    record Evicted(long evictedThrough) implements Next {}
  }

  /** A registered listener; closing it stops the notifications. */
  public interface Subscription extends AutoCloseable {
    /** The day after which this subscriber's feed starts (0: from the first retained day). */
    long startAfter();

    @Override
    void close();
  }

  private final int capacity;
  private final TreeMap<Long, DailyWeather> days = new TreeMap<>(); // guarded by this
  private long evictedThrough; // guarded by this; the newest day dropped for capacity
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /**
   * @param capacity how many of the newest days are kept, at least 1
   */
  public WeatherHistory(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("history capacity " + capacity + " must be at least 1");
    }
    this.capacity = capacity;
  }

  /** How many days are kept. */
  public int capacity() {
    return capacity;
  }

  /**
   * Records a day and tells every listener, on the calling thread. Publishing a day again replaces
   * its value (a restarted market may reopen a day); a day older than everything retained is
   * ignored.
   */
  public void publish(DailyWeather weather) {
    synchronized (this) {
      if (weather.day() <= evictedThrough) {
        return;
      }
      days.put(weather.day(), weather);
      while (days.size() > capacity) {
        evictedThrough = Math.max(evictedThrough, days.pollFirstEntry().getKey());
      }
    }
    for (Runnable listener : listeners) {
      listener.run();
    }
  }

  /** The newest published day, if any. */
  public synchronized Optional<DailyWeather> latest() {
    Map.Entry<Long, DailyWeather> last = days.lastEntry();
    return last == null ? Optional.empty() : Optional.of(last.getValue());
  }

  /** A retained day. */
  public synchronized Optional<DailyWeather> get(long day) {
    return Optional.ofNullable(days.get(day));
  }

  /** Every retained day, oldest first. */
  public synchronized List<DailyWeather> snapshot() {
    return new ArrayList<>(days.values());
  }

  /** The first retained day after {@code day}, or why there is none. */
  public synchronized Next nextAfter(long day) {
    if (day < evictedThrough) {
      return new Next.Evicted(evictedThrough);
    }
    Map.Entry<Long, DailyWeather> next = days.higherEntry(day);
    return next == null ? new Next.UpToDate() : new Next.Found(next.getValue());
  }

  /**
   * Registers a listener, atomically with choosing where its feed starts, so that no day is missed
   * or sent twice between the replay and the live part.
   *
   * @param fromDay the first day wanted; 0 means only days published from now on (live)
   * @param listener run on the publishing thread after each publication; must not block
   */
  public synchronized Subscription subscribe(long fromDay, Runnable listener) {
    if (fromDay < 0) {
      throw new IllegalArgumentException("from day " + fromDay + " must be 0 (live) or a day >= 1");
    }
    long newest = days.isEmpty() ? evictedThrough : days.lastKey();
    long startAfter = fromDay == 0 ? newest : Math.max(fromDay - 1, evictedThrough);
    listeners.add(listener);
    return new Subscription() {
      @Override
      public long startAfter() {
        return startAfter;
      }

      @Override
      public void close() {
        listeners.remove(listener);
      }
    };
  }

  /** The number of registered listeners (for tests and diagnostics). */
  public int listenerCount() {
    return listeners.size();
  }
}

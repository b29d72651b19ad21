package energy.market.client;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential reconnect backoff with jitter, so that many processes that lost the same market do
 * not all come back at the same instant. Not thread-safe: one per reconnecting loop.
 */
public final class Backoff {
  private final long initialMillis;
  private final long maxMillis;
  private final Random jitter;
  private long nextMillis;

  /**
   * @param initial the first delay
   * @param max the longest delay
   * @param jitter the source of the +-20% spread (seed it in tests)
   */
  public Backoff(Duration initial, Duration max, Random jitter) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max");
    }
    this.initialMillis = initial.toMillis();
    this.maxMillis = max.toMillis();
    this.jitter = jitter;
    this.nextMillis = initialMillis;
  }

  /**
   * The default for market clients: 100 ms doubling up to 1 s. The cap keeps a client that waited
   * out a long outage coming back within about a second of the server's return; the jitter keeps
   * thousands of them from arriving in the same instant.
   */
  public static Backoff standard() {
    return new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), new Random());
  }

  /** The delay before the next attempt; each call doubles the following one, up to the max. */
  public Duration next() {
    long base = nextMillis;
    nextMillis = Math.min(maxMillis, nextMillis * 2);
    long spread = base / 5;
    long delay = base - spread + (spread == 0 ? 0 : (long) (jitter.nextDouble() * 2 * spread));
    return Duration.ofMillis(Math.max(1, delay));
  }

  /** Starts again from the initial delay, after a success. */
  public void reset() {
    nextMillis = initialMillis;
  }
}

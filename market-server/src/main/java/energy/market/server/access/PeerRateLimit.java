package energy.market.server.access;

import com.google.common.base.Ticker;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.time.Duration;
import java.util.concurrent.ExecutionException;

/**
 * How often each peer (a client address) may do something: a token bucket per peer that holds
 * {@code burst} permits and refills at {@code perSecond}. A fleet of thousands of homes registers
 * in one burst; a peer that keeps registering is held to the refill rate. At most {@value
 * #MAX_PEERS} peers are remembered, so the table itself cannot be made to grow without bound.
 */
public final class PeerRateLimit {
  static final int MAX_PEERS = 10_000;

  private final double perSecond;
  private final double burst;
  private final Ticker ticker;
  private final Cache<String, Bucket> buckets;

  /**
   * @param perSecond permits added per second
   * @param burst the most permits a peer may hold (and use at once)
   * @param ticker the time source (a fake one in tests)
   */
  public PeerRateLimit(double perSecond, int burst, Ticker ticker) {
    if (!(perSecond > 0) || burst < 1) {
      throw new IllegalArgumentException(
          "a rate limit needs a positive rate and a burst of at least 1");
    }
    this.perSecond = perSecond;
    this.burst = burst;
    this.ticker = ticker;
    // A peer idle long enough to have refilled its bucket needs no entry.
    long refillNanos = (long) Math.ceil(burst / perSecond * 1e9);
    this.buckets =
        CacheBuilder.newBuilder()
            .maximumSize(MAX_PEERS)
            .expireAfterAccess(Duration.ofNanos(Math.max(refillNanos, 1)))
            .ticker(ticker)
            .build();
  }

  /** A limit on the system clock. */
  public PeerRateLimit(double perSecond, int burst) {
    this(perSecond, burst, Ticker.systemTicker());
  }

  /**
   * What a peer got of the permits it asked for: {@code granted} of them, and, when that is fewer
   * than it asked, how long until its next permit.
   */
  public record Grant(int granted, Duration untilNext) {}

  /** Takes as many of {@code wanted} permits for {@code peer} as it holds, all of them at most. */
  public Grant tryAcquireUpTo(String peer, int wanted) {
    if (wanted < 1) {
      throw new IllegalArgumentException("ask for at least one permit, not " + wanted);
    }
    Bucket bucket;
    try {
      bucket = buckets.get(peer, () -> new Bucket(burst, ticker.read()));
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    return bucket.take(wanted, ticker.read());
  }

  /** One peer's permits. */
  private final class Bucket {
    private double permits;
    private long lastNanos;

    Bucket(double permits, long nowNanos) {
      this.permits = permits;
      this.lastNanos = nowNanos;
    }

    synchronized Grant take(int wanted, long nowNanos) {
      permits = Math.min(burst, permits + (nowNanos - lastNanos) / 1e9 * perSecond);
      lastNanos = nowNanos;
      int granted = (int) Math.min(wanted, Math.floor(permits));
      permits -= granted;
      if (granted == wanted) {
        return new Grant(granted, Duration.ZERO);
      }
      long waitNanos = (long) Math.ceil((1 - permits) / perSecond * 1e9);
      return new Grant(granted, Duration.ofNanos(waitNanos));
    }
  }
}

package energy.market.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.base.Ticker;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PeerRateLimitTest {
  /** A clock the test moves by hand. */
  private static final class ManualTicker extends Ticker {
    private long nanos;

    @Override
    public long read() {
      return nanos;
    }

    void advance(Duration by) {
      nanos += by.toNanos();
    }
  }

  @Test
  void aPeerGetsItsBurstThenTheRateAndPeersAreCountedApart() {
    ManualTicker ticker = new ManualTicker();
    PeerRateLimit limit = new PeerRateLimit(10, 3, ticker);
    for (int i = 0; i < 3; i++) {
      assertEquals(1, limit.tryAcquireUpTo("10.0.0.1", 1).granted(), "burst permit " + i);
    }
    assertEquals(
        new PeerRateLimit.Grant(0, Duration.ofMillis(100)),
        limit.tryAcquireUpTo("10.0.0.1", 1),
        "one permit every 100 ms");
    assertEquals(
        1, limit.tryAcquireUpTo("10.0.0.2", 1).granted(), "another peer has its own burst");

    ticker.advance(Duration.ofMillis(100));
    assertEquals(1, limit.tryAcquireUpTo("10.0.0.1", 1).granted());
    assertEquals(0, limit.tryAcquireUpTo("10.0.0.1", 1).granted());

    ticker.advance(Duration.ofHours(1));
    for (int i = 0; i < 3; i++) {
      assertEquals(1, limit.tryAcquireUpTo("10.0.0.1", 1).granted(), "refilled to the burst only");
    }
    assertEquals(0, limit.tryAcquireUpTo("10.0.0.1", 1).granted());
  }

  @Test
  void aPeerAskingForManyPermitsGetsWhatItHoldsAndHearsWhenTheNextComes() {
    ManualTicker ticker = new ManualTicker();
    PeerRateLimit limit = new PeerRateLimit(10, 5, ticker);
    assertEquals(new PeerRateLimit.Grant(2, Duration.ZERO), limit.tryAcquireUpTo("10.0.0.1", 2));
    assertEquals(
        new PeerRateLimit.Grant(3, Duration.ofMillis(100)),
        limit.tryAcquireUpTo("10.0.0.1", 4),
        "the three left, and the fourth in 100 ms");
    assertEquals(
        new PeerRateLimit.Grant(0, Duration.ofMillis(100)), limit.tryAcquireUpTo("10.0.0.1", 1));

    ticker.advance(Duration.ofMillis(250));
    assertEquals(
        new PeerRateLimit.Grant(2, Duration.ofMillis(50)),
        limit.tryAcquireUpTo("10.0.0.1", 3),
        "2.5 permits refilled: two whole ones, the third half-way");
    assertEquals(
        new PeerRateLimit.Grant(0, Duration.ofMillis(50)), limit.tryAcquireUpTo("10.0.0.1", 1));
  }
}

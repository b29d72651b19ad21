package energy.market.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.base.Ticker;
import java.time.Duration;
import java.util.Optional;
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
      assertEquals(Optional.empty(), limit.tryAcquire("10.0.0.1"), "burst permit " + i);
    }
    Optional<Duration> wait = limit.tryAcquire("10.0.0.1");
    assertEquals(Optional.of(Duration.ofMillis(100)), wait, "one permit every 100 ms");
    assertEquals(Optional.empty(), limit.tryAcquire("10.0.0.2"), "another peer has its own burst");

    ticker.advance(Duration.ofMillis(100));
    assertEquals(Optional.empty(), limit.tryAcquire("10.0.0.1"));
    assertTrue(limit.tryAcquire("10.0.0.1").isPresent());

    ticker.advance(Duration.ofHours(1));
    for (int i = 0; i < 3; i++) {
      assertEquals(Optional.empty(), limit.tryAcquire("10.0.0.1"), "refilled to the burst only");
    }
    assertTrue(limit.tryAcquire("10.0.0.1").isPresent());
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
    assertEquals(Optional.of(Duration.ofMillis(50)), limit.tryAcquire("10.0.0.1"));
  }
}

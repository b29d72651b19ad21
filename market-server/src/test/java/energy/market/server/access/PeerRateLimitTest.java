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
}

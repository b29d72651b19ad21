package energy.market.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void theStandardBackoffStartsAt100MillisAndNeverWaitsMuchMoreThanASecond() {
    Backoff backoff = Backoff.standard();
    Duration first = backoff.next();
    assertTrue(first.toMillis() >= 80 && first.toMillis() <= 120, "first delay " + first);
    for (int i = 0; i < 100; i++) {
      Duration delay = backoff.next();
      assertTrue(delay.toMillis() <= 1_200, "delay " + i + ": " + delay);
    }
    assertTrue(backoff.next().toMillis() >= 800, "long outages retry about every second");
  }

  @Test
  void delaysDoubleUpToTheMaximumAndStartAgainAfterAReset() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(400), new Random(1));
    long[] bases = {100, 200, 400, 400};
    for (long base : bases) {
      long delay = backoff.next().toMillis();
      assertTrue(delay >= base * 4 / 5 && delay <= base * 6 / 5, base + " +-20%: " + delay);
    }
    backoff.reset();
    long again = backoff.next().toMillis();
    assertEquals(100, again, 20, "after a reset");
  }
}

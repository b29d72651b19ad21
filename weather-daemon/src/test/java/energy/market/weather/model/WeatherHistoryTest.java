package energy.market.weather.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WeatherHistoryTest {
  private static DailyWeather day(long d) {
    return new DailyWeather(d, d / 10.0, Instant.EPOCH);
  }

  @Test
  void keepsTheNewestDaysAndReportsWhatWasEvicted() {
    WeatherHistory history = new WeatherHistory(3);
    for (long d = 1; d <= 5; d++) {
      history.publish(day(d));
    }
    assertEquals(3, history.snapshot().size());
    assertEquals(3, history.snapshot().get(0).day());
    assertInstanceOf(WeatherHistory.Next.Evicted.class, history.nextAfter(1));
    assertEquals(
        new WeatherHistory.Next.Found(day(3)), history.nextAfter(2)); // day 2 itself was read
    assertInstanceOf(WeatherHistory.Next.UpToDate.class, history.nextAfter(5));
  }

  @Test
  void liveSubscriptionStartsAfterTheNewestDayAndReplayAtTheAskedOne() {
    WeatherHistory history = new WeatherHistory(10);
    history.publish(day(1));
    history.publish(day(2));
    AtomicInteger calls = new AtomicInteger();
    try (WeatherHistory.Subscription live = history.subscribe(0, calls::incrementAndGet);
        WeatherHistory.Subscription replay = history.subscribe(2, () -> {})) {
      assertEquals(2, live.startAfter());
      assertEquals(1, replay.startAfter());
      history.publish(day(3));
      assertEquals(1, calls.get());
    }
    history.publish(day(4));
    assertEquals(1, calls.get());
    assertEquals(0, history.listenerCount());
  }

  @Test
  void replayFromBeforeTheRetainedDaysStartsAtTheOldestRetained() {
    WeatherHistory history = new WeatherHistory(2);
    for (long d = 1; d <= 4; d++) {
      history.publish(day(d));
    }
    try (WeatherHistory.Subscription s = history.subscribe(1, () -> {})) {
      assertEquals(2, s.startAfter());
      assertEquals(new WeatherHistory.Next.Found(day(3)), history.nextAfter(s.startAfter()));
    }
  }
}

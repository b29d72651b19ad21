package energy.market.weather.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.testing.Await;
import energy.market.weather.source.client.StreamTemperatureSource;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StreamTemperatureSourceTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  void firstReadReplaysTheDayAndLaterDaysArriveLive() throws Exception {
    try (InProcessWeather weather = new InProcessWeather().start();
        StreamTemperatureSource source = new StreamTemperatureSource(weather.channel, "test")) {
      weather.publish(1, 10.5);
      weather.publish(2, 11.5);
      assertEquals(TemperatureReading.of(2, 11.5, WeatherSourceKind.STREAM), source.read(2, WAIT));
      ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
      try {
        later.schedule(() -> weather.publish(3, -2.0), 50, TimeUnit.MILLISECONDS);
        assertEquals(-2.0, source.temperatureFor(3, WAIT).getAsDouble());
      } finally {
        later.shutdownNow();
      }
      TemperatureReading before = source.read(1, WAIT);
      assertFalse(before.isPresent());
      assertEquals("day 1 is before day 2, where this stream started", before.detail());
    }
  }

  @Test
  void unreachableDaemonAnswersEmptyAtOnceAndTheStreamRecoversWhenItReturns() throws Exception {
    try (InProcessWeather weather = new InProcessWeather();
        StreamTemperatureSource source = new StreamTemperatureSource(weather.channel, "test")) {
      long start = System.nanoTime();
      TemperatureReading down = source.read(1, Duration.ofSeconds(30));
      assertFalse(down.isPresent());
      assertTrue(
          down.detail().startsWith("weather stream test is down: UNAVAILABLE"), down.detail());
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20), "waited for nothing");

      weather.start();
      weather.publish(1, 3.3);
      // The source reconnects after its backoff (100 ms, doubling) and replays day 1.
      assertEquals(3.3, eventually(source, 1).celsius().getAsDouble());
    }
  }

  @Test
  void restartedDaemonIsFollowedFromTheDayAfterTheLastOneReceived() throws Exception {
    try (InProcessWeather weather = new InProcessWeather().start();
        StreamTemperatureSource source = new StreamTemperatureSource(weather.channel, "test")) {
      weather.publish(1, 1.0);
      assertEquals(1.0, source.temperatureFor(1, WAIT).getAsDouble());
      weather.stopServer();
      weather.start();
      weather.publish(1, 99.0); // a replay of day 1 would overwrite; resuming at day 2 does not
      weather.publish(2, 2.0);
      // While the stream is down a read answers at once; after the reconnect day 2 arrives.
      assertEquals(2.0, eventually(source, 2).celsius().getAsDouble());
      assertEquals(1.0, source.temperatureFor(1, WAIT).getAsDouble());
    }
  }

  /** Reads until the day is there, as a home does day after day. */
  private static TemperatureReading eventually(StreamTemperatureSource source, long day)
      throws InterruptedException {
    return Await.value(
        "day " + day + " on the stream",
        () -> {
          try {
            return Optional.of(source.read(day, WAIT)).filter(TemperatureReading::isPresent);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        },
        Await.SHORT);
  }
}

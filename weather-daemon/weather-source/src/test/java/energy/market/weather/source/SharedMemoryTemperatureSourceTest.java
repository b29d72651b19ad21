package energy.market.weather.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.weather.shm.WeatherFileWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedMemoryTemperatureSourceTest {
  @TempDir Path dir;

  @Test
  void readsTheDayWaitingForTheWriterToPublishIt() throws Exception {
    Path file = dir.resolve("weather");
    ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    try (WeatherFileWriter writer = WeatherFileWriter.create(file, line -> {});
        SharedMemoryTemperatureSource source = new SharedMemoryTemperatureSource(file)) {
      writer.write(1, 5.5, 0);
      assertEquals(
          TemperatureReading.of(1, 5.5, WeatherSourceKind.SHM), source.read(1, Duration.ZERO));
      later.schedule(() -> writer.write(2, 6.5, 0), 50, TimeUnit.MILLISECONDS);
      assertEquals(6.5, source.temperatureFor(2, Duration.ofSeconds(5)).getAsDouble());
      TemperatureReading gone = source.read(1, Duration.ZERO);
      assertFalse(gone.isPresent());
      assertEquals("weather file " + file + " is already at day 2, past day 1", gone.detail());
      TemperatureReading stuck = source.read(3, Duration.ofMillis(20));
      assertTrue(stuck.detail().contains("is still at day 2 after 20 ms"), stuck.detail());
    } finally {
      later.shutdownNow();
    }
  }

  @Test
  void missingFileSaysSo() throws Exception {
    Path file = dir.resolve("absent");
    try (SharedMemoryTemperatureSource source = new SharedMemoryTemperatureSource(file)) {
      TemperatureReading reading = source.read(1, Duration.ofSeconds(1));
      assertFalse(reading.isPresent());
      assertTrue(reading.detail().startsWith("weather file " + file + " does not exist"));
    }
  }

  @Test
  void fileOfARestartedDaemonIsMappedAgain() throws Exception {
    Path file = dir.resolve("weather");
    try (SharedMemoryTemperatureSource source = new SharedMemoryTemperatureSource(file)) {
      try (WeatherFileWriter first = WeatherFileWriter.create(file, line -> {})) {
        first.write(1, 1.0, 0);
        assertEquals(1.0, source.temperatureFor(1, Duration.ZERO).getAsDouble());
      }
      try (WeatherFileWriter second = WeatherFileWriter.create(file, line -> {})) {
        second.write(2, 2.0, 0);
        assertEquals(2.0, source.temperatureFor(2, Duration.ofSeconds(1)).getAsDouble());
      }
    }
  }
}

package energy.market.weather.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.weather.shm.WeatherFileWriter;
import energy.market.weather.shm.WeatherFiles;
import energy.market.weather.shm.WriterIdentity;
import energy.market.weather.source.client.StreamTemperatureSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoTemperatureSourceTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @TempDir Path dir;
  private final List<String> log = new CopyOnWriteArrayList<>();

  private AutoTemperatureSource auto(Path file, InProcessWeather weather) {
    return new AutoTemperatureSource(
        new SharedMemoryTemperatureSource(file),
        new StreamTemperatureSource(weather.channel, "in-process"),
        log::add);
  }

  @Test
  void freshFileOnThisMachineIsReadFirst() throws Exception {
    Path file = dir.resolve("weather");
    try (InProcessWeather weather = new InProcessWeather().start();
        WeatherFileWriter writer = WeatherFileWriter.create(file, log::add);
        AutoTemperatureSource source = auto(file, weather)) {
      writer.write(7, 17.5, 0);
      weather.publish(7, -99); // the stream would say otherwise; the file wins
      assertEquals(TemperatureReading.of(7, 17.5, WeatherSourceKind.SHM), source.read(7, WAIT));
      assertEquals(List.of("weather: reading the shared-memory file " + file), log);
    }
  }

  @Test
  void corruptFileFallsBackToTheStream() throws Exception {
    Path file = Files.write(dir.resolve("weather"), new byte[64]);
    assertFallsBackToTheStream(file, "is not a weather file");
  }

  @Test
  void truncatedFileFallsBackToTheStream() throws Exception {
    byte[] image = WeatherFiles.image(7, 1, WriterIdentity.current());
    Path file = Files.write(dir.resolve("weather"), Arrays.copyOf(image, 20));
    assertFallsBackToTheStream(file, "is truncated: 20 bytes");
  }

  @Test
  void fileOfAnotherVersionFallsBackToTheStream() throws Exception {
    Path file =
        WeatherFiles.writeWithInt(
            dir.resolve("weather"), WeatherFiles.image(7, 1, WriterIdentity.current()), 4, 9);
    assertFallsBackToTheStream(file, "has layout version 9");
  }

  @Test
  void staleFileOfACrashedDaemonFallsBackToTheStream() throws Exception {
    Path file =
        WeatherFiles.write(
            dir.resolve("weather"), 6, 1, new WriterIdentity(WeatherFiles.deadPid(), 0));
    assertFallsBackToTheStream(file, "is stale");
  }

  @Test
  void missingFileFallsBackToTheStream() throws Exception {
    assertFallsBackToTheStream(dir.resolve("absent"), "does not exist");
  }

  private void assertFallsBackToTheStream(Path file, String fileProblem) throws Exception {
    try (InProcessWeather weather = new InProcessWeather().start();
        AutoTemperatureSource source = auto(file, weather)) {
      weather.publish(7, 23.4);
      TemperatureReading reading = source.read(7, WAIT);
      assertEquals(TemperatureReading.of(7, 23.4, WeatherSourceKind.STREAM), reading);
      assertEquals(1, log.size(), log.toString());
      assertTrue(log.get(0).startsWith("weather: following the weather stream ("), log.get(0));
      assertTrue(log.get(0).contains(fileProblem), log.get(0));
      weather.publish(8, 24.4);
      assertEquals(24.4, source.temperatureFor(8, WAIT).getAsDouble());
      assertEquals(1, log.size(), "a source change is logged once: " + log);
    }
  }

  @Test
  void withNeitherFileNorStreamTheMarketTemperatureIsUsed() throws Exception {
    try (InProcessWeather weather = new InProcessWeather(); // never started
        AutoTemperatureSource source = auto(dir.resolve("absent"), weather)) {
      TemperatureReading reading = source.read(3, WAIT);
      assertFalse(reading.isPresent());
      assertEquals(WeatherSourceKind.MARKET, reading.source());
      assertTrue(reading.detail().contains("does not exist"), reading.detail());
      assertTrue(reading.detail().contains("is down: UNAVAILABLE"), reading.detail());
      assertEquals(1, log.size());
      assertTrue(log.get(0).startsWith("weather: using the market's temperature"), log.get(0));
    }
  }

  @Test
  void factoryBuildsEachChoice() throws Exception {
    Path file = dir.resolve("weather");
    for (WeatherSourceKind kind : WeatherSourceKind.values()) {
      try (TemperatureSource source =
          TemperatureSources.open(kind, file, "localhost:1", log::add)) {
        assertEquals(kind, source.kind());
      }
    }
    try (TemperatureSource market =
        TemperatureSources.open(WeatherSourceKind.MARKET, file, "localhost:1", log::add)) {
      assertTrue(market.temperatureFor(1, Duration.ZERO).isEmpty());
    }
  }
}

package energy.market.launcher.it.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.PriceTick;
import energy.market.launcher.it.RunningMarket;
import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import energy.market.weather.model.WeatherModel;
import energy.market.weather.model.WeatherParameters;
import energy.market.weather.shm.WeatherFileException;
import energy.market.weather.shm.WeatherFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as a real process ({@code energy-market weather}), against a real market process: it
 * publishes each opened day three ways, stops cleanly on SIGTERM (removing its file), and a daemon
 * started after a {@code kill -9} recognises the stale file and replaces it.
 */
class WeatherMainIT {
  private static final long SEED = 5;
  private static final int DAYS = 3;

  @TempDir Path dir;

  /** A market that waits for the daemon before day 1 and for its report in every OPEN. */
  private RunningMarket market() throws Exception {
    return RunningMarket.waitingForParticipants(
        dir.resolve("data"), DAYS, "--await-daemons", "1", "--seed", "1");
  }

  private static ChildProcess daemon(RunningMarket market, Path shmFile) throws Exception {
    return market.weather(
        "--port",
        "0",
        "--bind",
        "127.0.0.1",
        "--seed",
        Long.toString(SEED),
        "--shm-file",
        shmFile.toString());
  }

  @Test
  void publishesEachOpenedDayThreeWaysAndStopsCleanlyOnSigterm() throws Exception {
    Path shmFile = dir.resolve("weather");
    WeatherModel model = new WeatherModel(SEED, WeatherParameters.DEFAULTS);
    try (RunningMarket market = market();
        ChildProcess child = daemon(market, shmFile)) {
      int port = Integer.parseInt(child.awaitLine("weather listening on port (\\d+)", Await.LONG));
      List<PriceTick> ticks = market.ticks(DAYS, Await.LONG);
      for (PriceTick tick : ticks) {
        assertFalse(tick.getWeatherStale(), "the daemon reported day " + tick.getDay());
        assertEquals(model.temperatureFor(tick.getDay()), tick.getTemperatureCelsius());
      }
      try (WeatherFileReader reader = WeatherFileReader.open(shmFile)) {
        assertEquals(DAYS, reader.readLive().day());
        assertEquals(child.pid(), reader.writer().pid());
      }
      WeatherStreams.assertServesTheModelsDays(port, model, DAYS);

      assertEquals(143, child.terminate(Await.LONG), child.transcript());
      assertFalse(Files.exists(shmFile), "the daemon left its file behind");
      String transcript = child.transcript();
      assertTrue(transcript.contains("[err] weather: stopping"), transcript);
      assertTrue(transcript.contains("[err] weather: stopped"), transcript);
    }
  }

  @Test
  void daemonAfterAKillNineReplacesTheStaleFile() throws Exception {
    Path shmFile = dir.resolve("weather");
    try (RunningMarket market = market()) {
      long crashedPid;
      try (ChildProcess crashed = daemon(market, shmFile)) {
        crashed.awaitLine("weather listening on port ", Await.LONG);
        crashedPid = crashed.pid();
        crashed.kill(); // no shutdown hook runs
      }
      assertTrue(Files.exists(shmFile), "kill -9 leaves the file");
      try (WeatherFileReader reader = WeatherFileReader.open(shmFile)) {
        WeatherFileException e =
            assertThrows(
                WeatherFileException.class, () -> reader.awaitDay(1, Duration.ofSeconds(5)));
        assertEquals(WeatherFileException.Reason.STALE, e.reason());
      }

      try (ChildProcess next = daemon(market, shmFile)) {
        assertEquals(
            "replacing stale weather file "
                + shmFile
                + " left by pid "
                + crashedPid
                + ", which is no longer running",
            next.awaitLine("replacing stale weather file.*", Await.LONG));
        next.awaitLine("weather listening on port ", Await.LONG);
        try (WeatherFileReader reader = WeatherFileReader.open(shmFile)) {
          assertEquals(next.pid(), reader.writer().pid());
        }
        assertEquals(143, next.terminate(Await.LONG), next.transcript());
        assertFalse(Files.exists(shmFile));
      }
    }
  }
}

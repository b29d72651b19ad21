package energy.market.launcher.it.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.PriceTick;
import energy.market.launcher.it.RunningMarket;
import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import energy.market.weather.model.WeatherModel;
import energy.market.weather.model.WeatherParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real market and the weather daemon as separate processes on loopback: the market's price
 * ticks carry the daemon's temperatures, which are the model's for the seed, and {@code
 * Weather/StreamWeather} serves the same values. The market waits for the daemon in every OPEN (no
 * fixed day length, a long phase deadline), so every day's report is applied however busy the
 * machine is, and the daemon's own account of each day ("day N: T C") agrees.
 */
class WeatherDaemonIT {
  private static final long SEED = 13;
  private static final int DAYS = 6;
  private static final Pattern DAY_LINE =
      Pattern.compile("^day (\\d+): (-?\\d+\\.\\d) C( \\(too late.*\\)| \\(not reported.*\\))?$");

  @TempDir Path dir;

  @Test
  void marketTicksAndTheWeatherStreamCarryTheDaemonsTemperatures() throws Exception {
    Path shmFile = dir.resolve("weather");
    WeatherModel model = new WeatherModel(SEED, WeatherParameters.DEFAULTS);
    try (RunningMarket market =
            RunningMarket.waitingForParticipants(
                dir.resolve("data"), DAYS, "--await-daemons", "1");
        ChildProcess weather =
            market.weather(
                "--port",
                "0",
                "--bind",
                "127.0.0.1",
                "--seed",
                Long.toString(SEED),
                "--shm-file",
                shmFile.toString())) {
      int weatherPort =
          Integer.parseInt(weather.awaitLine("weather listening on port (\\d+)", Await.LONG));
      List<PriceTick> ticks = market.ticks(DAYS, Await.LONG);
      for (PriceTick tick : ticks) {
        long day = tick.getDay();
        Matcher line = weather.awaitMatch(DAY_LINE, Await.LONG);
        assertEquals(day, Long.parseLong(line.group(1)), "the daemon skipped a day");
        assertEquals(model.temperatureFor(day), Double.parseDouble(line.group(2)));
        assertNull(line.group(3), "the market took day " + day + ": " + line.group());
        assertFalse(tick.getWeatherStale(), "day " + day + " was applied");
        assertEquals(model.temperatureFor(day), tick.getTemperatureCelsius(), "day " + day);
      }

      WeatherStreams.assertServesTheModelsDays(weatherPort, model, DAYS);

      assertTrue(Files.exists(shmFile));
      assertEquals(143, weather.terminate(Await.LONG), weather.transcript());
      assertFalse(Files.exists(shmFile), "the daemon left its shared-memory file behind");
      assertEquals(143, market.process.terminate(Await.LONG), market.process.transcript());
    }
  }
}

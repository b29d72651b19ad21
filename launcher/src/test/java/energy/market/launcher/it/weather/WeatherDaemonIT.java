package energy.market.launcher.it.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.PriceTick;
import energy.market.api.v1.StreamWeatherRequest;
import energy.market.api.v1.WeatherGrpc;
import energy.market.api.v1.WeatherReport;
import energy.market.launcher.it.RunningMarket;
import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import energy.market.weather.model.WeatherModel;
import energy.market.weather.model.WeatherParameters;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
            new RunningMarket(
                dir.resolve("data"),
                "--day-length",
                "0",
                "--phase-deadline",
                "120s",
                "--days",
                Integer.toString(DAYS),
                "--await-daemons",
                "1");
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

      ManagedChannel toWeather =
          Grpc.newChannelBuilder("127.0.0.1:" + weatherPort, InsecureChannelCredentials.create())
              .build();
      try {
        Iterator<WeatherReport> reports =
            WeatherGrpc.newBlockingStub(toWeather)
                .withDeadlineAfter(30, TimeUnit.SECONDS)
                .streamWeather(StreamWeatherRequest.newBuilder().setFromDay(1).build());
        for (long day = 1; day <= DAYS; day++) {
          WeatherReport report = reports.next();
          assertEquals(day, report.getDay());
          assertEquals(model.temperatureFor(day), report.getTemperatureCelsius());
        }
      } finally {
        toWeather.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }

      assertTrue(Files.exists(shmFile));
      assertEquals(143, weather.terminate(Await.LONG), weather.transcript());
      assertFalse(Files.exists(shmFile), "the daemon left its shared-memory file behind");
      assertEquals(143, market.process.terminate(Await.LONG), market.process.transcript());
    }
  }
}

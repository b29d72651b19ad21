package energy.market.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.StreamPricesRequest;
import energy.market.api.v1.StreamWeatherRequest;
import energy.market.api.v1.WeatherGrpc;
import energy.market.api.v1.WeatherReport;
import energy.market.weather.model.WeatherModel;
import energy.market.weather.model.WeatherParameters;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real market ({@code energy.market.server.MarketMain}) and the weather daemon as separate
 * processes on loopback: the market's price ticks carry the daemon's temperatures, which are the
 * model's for the seed, and {@code Weather/StreamWeather} serves the same values.
 *
 * <p>Days last 500 ms, so OPEN lasts 100 ms: on a busy machine a report can still miss it, and the
 * market then keeps the previous temperature and marks the tick stale. The test therefore holds the
 * daemon's own account (its "day N: T C" line, with "too late" when the market refused it) and the
 * market's ticks to each other, and asks that most days were applied.
 */
class WeatherDaemonIT {
  private static final long SEED = 13;
  private static final int DAYS = 6;
  private static final Pattern DAY_LINE =
      Pattern.compile("day (\\d+): (-?\\d+\\.\\d) C( \\(too late.*\\)| \\(not reported.*\\))?");

  @TempDir Path dir;

  @Test
  void marketTicksAndTheWeatherStreamCarryTheDaemonsTemperatures() throws Exception {
    Path shmFile = dir.resolve("weather");
    WeatherModel model = new WeatherModel(SEED, WeatherParameters.DEFAULTS);
    try (ChildProcess market =
        new ChildProcess(
            dir,
            "energy.market.server.MarketMain",
            "--port",
            "0",
            "--bind",
            "127.0.0.1",
            "--day-length",
            "500ms",
            "--data-dir",
            dir.resolve("data").toString(),
            "--operator-token",
            "it-token")) {
      String marketTarget = "127.0.0.1:" + port(market.awaitLine("market listening on port ", 30));
      try (ChildProcess weather =
          new ChildProcess(
              dir,
              WeatherMain.class.getName(),
              "--market",
              marketTarget,
              "--port",
              "0",
              "--bind",
              "127.0.0.1",
              "--seed",
              "" + SEED,
              "--shm-file",
              shmFile.toString(),
              "--operator-token",
              "it-token")) {
        int weatherPort = port(weather.awaitLine("weather listening on port ", 30));
        // The first day the daemon handled; the market may have run days before it joined.
        Matcher first = weather.awaitMatch(DAY_LINE, 30);
        long firstDay = Long.parseLong(first.group(1));
        checkFeeds(model, weather, first, firstDay, marketTarget, "127.0.0.1:" + weatherPort);

        assertTrue(Files.exists(shmFile));
        weather.process.destroy(); // SIGTERM
        assertTrue(weather.process.waitFor(15, TimeUnit.SECONDS), "the daemon did not stop");
        assertFalse(Files.exists(shmFile), "the daemon left its shared-memory file behind");
      }
      market.process.destroy();
      assertTrue(market.process.waitFor(15, TimeUnit.SECONDS), "the market did not stop");
    }
  }

  private static void checkFeeds(
      WeatherModel model,
      ChildProcess weather,
      Matcher firstLine,
      long firstDay,
      String marketTarget,
      String weatherTarget)
      throws Exception {
    ManagedChannel toMarket =
        Grpc.newChannelBuilder(marketTarget, InsecureChannelCredentials.create()).build();
    ManagedChannel toWeather =
        Grpc.newChannelBuilder(weatherTarget, InsecureChannelCredentials.create()).build();
    try {
      Iterator<PriceTick> ticks =
          MarketGrpc.newBlockingStub(toMarket)
              .withDeadlineAfter(30, TimeUnit.SECONDS)
              .streamPrices(StreamPricesRequest.newBuilder().setFromDay(firstDay).build());
      int applied = 0;
      Matcher line = firstLine;
      for (long day = firstDay; day < firstDay + DAYS; day++) {
        if (day > firstDay) {
          line = weather.awaitMatch(DAY_LINE, 10);
        }
        assertEquals(day, Long.parseLong(line.group(1)), "the daemon skipped a day");
        assertEquals(model.temperatureFor(day), Double.parseDouble(line.group(2)));
        PriceTick tick = ticks.next();
        assertEquals(day, tick.getDay());
        if (line.group(3) == null) {
          assertFalse(tick.getWeatherStale(), "day " + day + " was applied: " + line.group());
          assertEquals(model.temperatureFor(day), tick.getTemperatureCelsius(), "day " + day);
          applied++;
        } else if (line.group(3).startsWith(" (too late")) {
          assertTrue(tick.getWeatherStale(), "day " + day + " was refused: " + line.group());
        }
      }
      System.out.printf(
          "weather daemon IT: the market applied %d of %d days from day %d%n",
          applied, DAYS, firstDay);
      assertTrue(applied >= DAYS / 2, "only " + applied + " of " + DAYS + " days applied");

      Iterator<WeatherReport> reports =
          WeatherGrpc.newBlockingStub(toWeather)
              .withDeadlineAfter(30, TimeUnit.SECONDS)
              .streamWeather(StreamWeatherRequest.newBuilder().setFromDay(firstDay).build());
      for (long day = firstDay; day < firstDay + DAYS; day++) {
        WeatherReport report = reports.next();
        assertEquals(day, report.getDay());
        assertEquals(model.temperatureFor(day), report.getTemperatureCelsius());
      }
    } finally {
      toMarket.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      toWeather.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static int port(String listeningLine) {
    return Integer.parseInt(listeningLine.substring(listeningLine.lastIndexOf(' ') + 1));
  }
}

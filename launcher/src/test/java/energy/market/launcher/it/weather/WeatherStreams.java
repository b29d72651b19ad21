package energy.market.launcher.it.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;

import energy.market.api.v1.StreamWeatherRequest;
import energy.market.api.v1.WeatherGrpc;
import energy.market.api.v1.WeatherReport;
import energy.market.client.Channels;
import energy.market.weather.model.WeatherModel;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/** What a client of a running weather daemon's gRPC server sees. */
final class WeatherStreams {
  private WeatherStreams() {}

  /**
   * Asserts that the daemon on {@code port} reports SERVING and streams days 1 to {@code days} from
   * the first, each with the model's temperature.
   */
  static void assertServesTheModelsDays(int port, WeatherModel model, int days)
      throws InterruptedException {
    ManagedChannel channel = Channels.open("127.0.0.1", port);
    try {
      assertEquals(
          ServingStatus.SERVING,
          HealthGrpc.newBlockingStub(channel)
              .withDeadlineAfter(30, TimeUnit.SECONDS)
              .check(HealthCheckRequest.getDefaultInstance())
              .getStatus());
      Iterator<WeatherReport> stream =
          WeatherGrpc.newBlockingStub(channel)
              .withDeadlineAfter(30, TimeUnit.SECONDS)
              .streamWeather(StreamWeatherRequest.newBuilder().setFromDay(1).build());
      for (long day = 1; day <= days; day++) {
        WeatherReport report = stream.next();
        assertEquals(day, report.getDay());
        assertEquals(model.temperatureFor(day), report.getTemperatureCelsius(), "day " + day);
      }
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}

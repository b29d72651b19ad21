package energy.market.weather.source;

import energy.market.weather.grpc.WeatherServer;
import energy.market.weather.model.DailyWeather;
import energy.market.weather.model.WeatherHistory;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** A real in-process weather server and a channel to it, for the source tests. */
final class InProcessWeather implements AutoCloseable {
  final String name = InProcessServerBuilder.generateName();
  final ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  WeatherHistory history;
  private WeatherServer server;

  /** Starts (or restarts) the server under the same name, with an empty history. */
  InProcessWeather start() throws IOException {
    history = new WeatherHistory(100);
    server =
        new WeatherServer(InProcessServerBuilder.forName(name).directExecutor(), history).start();
    return this;
  }

  void publish(long day, double celsius) {
    history.publish(new DailyWeather(day, celsius, Instant.now()));
  }

  void stopServer() {
    server.close();
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (server != null) {
      server.close();
    }
  }
}

package energy.market.weather.source;

import energy.market.client.ClientTls;
import energy.market.weather.source.client.StreamTemperatureSource;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Builds the {@link TemperatureSource} for a home's {@code --weather} choice. */
public final class TemperatureSources {
  /** The weather daemon's default gRPC port. */
  public static final int DEFAULT_WEATHER_PORT = 50052;

  private TemperatureSources() {}

  /**
   * Opens the source for a {@code --weather} choice. Nothing connects or maps until the first read.
   *
   * @param kind the choice
   * @param shmFile the weather file (used by {@code auto} and {@code shm})
   * @param weatherTarget the daemon's {@code host:port} (used by {@code auto} and {@code stream});
   *     the source opens and owns a channel to it
   * @param log where {@code auto} reports a change of source, one line
   */
  public static TemperatureSource open(
      WeatherSourceKind kind, Path shmFile, String weatherTarget, Consumer<String> log) {
    return open(kind, shmFile, weatherTarget, ClientTls.PLAINTEXT, log);
  }

  /**
   * Opens the source for a {@code --weather} choice, reaching the daemon's stream over {@code tls}.
   * Nothing connects or maps until the first read.
   */
  public static TemperatureSource open(
      WeatherSourceKind kind,
      Path shmFile,
      String weatherTarget,
      ClientTls tls,
      Consumer<String> log) {
    return switch (kind) {
      case MARKET -> new MarketTemperatureSource();
      case SHM -> new SharedMemoryTemperatureSource(shmFile);
      case STREAM -> StreamTemperatureSource.open(weatherTarget, tls);
      case AUTO ->
          new AutoTemperatureSource(
              new SharedMemoryTemperatureSource(shmFile),
              StreamTemperatureSource.open(weatherTarget, tls),
              log);
    };
  }
}

package energy.market.weather.source;

import energy.market.weather.shm.WeatherFileException;
import energy.market.weather.shm.WeatherFileReader;
import energy.market.weather.shm.WeatherSnapshot;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code --weather shm}: reads the weather daemon's shared-memory file. The file is mapped once and
 * mapped again when a new daemon replaced it. A missing, damaged, stale or stuck file gives an
 * empty reading whose detail is the file's error.
 */
public final class SharedMemoryTemperatureSource implements TemperatureSource {
  private final Path path;
  private WeatherFileReader reader; // guarded by this

  /**
   * @param path the weather file, usually {@link
   *     energy.market.weather.shm.WeatherFile#defaultPath()}
   */
  public SharedMemoryTemperatureSource(Path path) {
    this.path = path;
  }

  /** The file this source reads. */
  public Path path() {
    return path;
  }

  @Override
  public TemperatureReading read(long day, Duration wait) throws InterruptedException {
    try {
      WeatherSnapshot snapshot = snapshotFor(day, wait);
      if (snapshot.day() == day) {
        return TemperatureReading.of(day, snapshot.temperatureCelsius(), WeatherSourceKind.SHM);
      }
      return TemperatureReading.unavailable(
          day,
          WeatherSourceKind.SHM,
          "weather file " + path + " is already at day " + snapshot.day() + ", past day " + day);
    } catch (WeatherFileException e) {
      return TemperatureReading.unavailable(day, WeatherSourceKind.SHM, e.getMessage());
    }
  }

  /**
   * The file's record once it holds {@code day} or a later day, waiting while its writer runs.
   *
   * @throws WeatherFileException the file's error: MISSING, TRUNCATED, BAD_MAGIC, WRONG_VERSION,
   *     BAD_CHECKSUM, TORN_RETRIES_EXHAUSTED, STALE (writer gone) or NOT_ADVANCING (writer stuck)
   */
  public WeatherSnapshot snapshotFor(long day, Duration wait)
      throws WeatherFileException, InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      return reader().awaitDay(day, wait);
    } catch (WeatherFileException e) {
      // A daemon that restarted replaced the file: the old mapping is stale, the new file is not.
      if (e.reason() == WeatherFileException.Reason.STALE && replaced()) {
        return reader().awaitDay(day, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      }
      throw e;
    }
  }

  private synchronized WeatherFileReader reader() throws WeatherFileException {
    if (reader == null || reader.isReplaced()) {
      reader = null;
      reader = WeatherFileReader.open(path);
    }
    return reader;
  }

  private synchronized boolean replaced() {
    return reader != null && reader.isReplaced();
  }

  @Override
  public WeatherSourceKind kind() {
    return WeatherSourceKind.SHM;
  }

  @Override
  public synchronized void close() {
    if (reader != null) {
      reader.close();
      reader = null;
    }
  }
}

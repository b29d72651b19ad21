package energy.market.weather.source;

import energy.market.weather.shm.WeatherFileException;
import energy.market.weather.shm.WeatherSnapshot;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * {@code --weather auto}: the shared-memory file when it exists and is fresh for the day (a home on
 * the daemon's machine), otherwise the stream (a home elsewhere), otherwise nothing, so the home
 * uses the temperature the market announces.
 *
 * <p>The file is waited on only while its writer runs; a missing, damaged or stale file falls
 * through to the stream at once, which then gets the rest of the wait. Each change of the source in
 * use is logged once, not every day.
 */
public final class AutoTemperatureSource implements TemperatureSource {
  private final SharedMemoryTemperatureSource shm;
  private final TemperatureSource stream;
  private final Consumer<String> log;
  private WeatherSourceKind lastUsed; // guarded by this

  /**
   * @param shm the shared-memory source (closed with this one)
   * @param stream the stream source (closed with this one)
   * @param log where a change of source is reported, one line
   */
  public AutoTemperatureSource(
      SharedMemoryTemperatureSource shm, TemperatureSource stream, Consumer<String> log) {
    this.shm = shm;
    this.stream = stream;
    this.log = log;
  }

  @Override
  public TemperatureReading read(long day, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    String shmProblem;
    try {
      WeatherSnapshot snapshot = shm.snapshotFor(day, wait);
      if (snapshot.day() == day) {
        using(WeatherSourceKind.SHM, "reading the shared-memory file " + shm.path());
        return TemperatureReading.of(day, snapshot.temperatureCelsius(), WeatherSourceKind.SHM);
      }
      shmProblem = "weather file " + shm.path() + " is at day " + snapshot.day() + ", past " + day;
    } catch (WeatherFileException e) {
      shmProblem = e.getMessage();
    }
    Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    TemperatureReading fromStream = stream.read(day, left);
    if (fromStream.isPresent()) {
      using(WeatherSourceKind.STREAM, "following the weather stream (" + shmProblem + ")");
      return fromStream;
    }
    String why = shmProblem + "; " + fromStream.detail();
    using(WeatherSourceKind.MARKET, "using the market's temperature (" + why + ")");
    return TemperatureReading.unavailable(day, WeatherSourceKind.MARKET, why);
  }

  private synchronized void using(WeatherSourceKind kind, String message) {
    if (kind != lastUsed) {
      lastUsed = kind;
      log.accept("weather: " + message);
    }
  }

  @Override
  public WeatherSourceKind kind() {
    return WeatherSourceKind.AUTO;
  }

  @Override
  public void close() {
    try {
      stream.close();
    } finally {
      shm.close();
    }
  }
}

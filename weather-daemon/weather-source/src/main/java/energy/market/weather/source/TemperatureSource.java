package energy.market.weather.source;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Where a home gets a day's temperature. An empty answer means "use the temperature the market
 * announces"; sources never throw for a missing, broken or slow weather daemon, they say why in
 * {@link TemperatureReading#detail()}. Implementations are thread-safe.
 */
public interface TemperatureSource extends AutoCloseable {

  /**
   * The temperature of a day, with where it came from or why there is none.
   *
   * @param day the day, from 1
   * @param wait how long to wait for the weather daemon to publish the day
   * @throws InterruptedException when the calling thread is interrupted while waiting
   */
  TemperatureReading read(long day, Duration wait) throws InterruptedException;

  /**
   * The temperature of a day, degrees Celsius, or empty (use the market's).
   *
   * @param day the day, from 1
   * @param wait how long to wait for the weather daemon to publish the day
   * @throws InterruptedException when the calling thread is interrupted while waiting
   */
  default OptionalDouble temperatureFor(long day, Duration wait) throws InterruptedException {
    return read(day, wait).celsius();
  }

  /** Which {@code --weather} choice this source implements. */
  WeatherSourceKind kind();

  /** Releases the source's file, stream and threads. Idempotent. */
  @Override
  void close();
}

package energy.market.weather.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One day's published weather.
 *
 * @param day the simulated day, from 1
 * @param temperatureCelsius the day's temperature, degrees Celsius
 * @param publishedAt when the daemon computed it
 */
public record DailyWeather(long day, double temperatureCelsius, Instant publishedAt) {
  /**
   * @throws IllegalArgumentException when the day is below 1 or the temperature is not finite
   */
  public DailyWeather {
    if (day < 1) {
      throw new IllegalArgumentException("day " + day + " must be at least 1");
    }
    if (!Double.isFinite(temperatureCelsius)) {
      throw new IllegalArgumentException(
          "temperature of day " + day + " must be finite, got " + temperatureCelsius);
    }
    Objects.requireNonNull(publishedAt, "publishedAt");
  }
}

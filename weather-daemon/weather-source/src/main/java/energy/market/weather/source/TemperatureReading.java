package energy.market.weather.source;

import java.util.OptionalDouble;

/**
 * The answer of a {@link TemperatureSource} for one day: the temperature and where it came from,
 * or, when there is none, why.
 *
 * @param day the day asked for
 * @param celsius the day's temperature, degrees Celsius; empty when the source has none
 * @param source the source that gave the value (SHM or STREAM under AUTO), or the one asked
 * @param detail empty when present; otherwise a one-line reason for people
 */
public record TemperatureReading(
    long day, OptionalDouble celsius, WeatherSourceKind source, String detail) {

  /** A temperature found. */
  public static TemperatureReading of(long day, double celsius, WeatherSourceKind source) {
    return new TemperatureReading(day, OptionalDouble.of(celsius), source, "");
  }

  /** No temperature, with the reason. */
  public static TemperatureReading unavailable(long day, WeatherSourceKind source, String reason) {
    return new TemperatureReading(day, OptionalDouble.empty(), source, reason);
  }

  /** True when a temperature was found. */
  public boolean isPresent() {
    return celsius.isPresent();
  }
}

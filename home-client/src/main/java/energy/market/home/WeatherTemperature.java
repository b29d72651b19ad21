package energy.market.home;

import energy.market.weather.source.TemperatureReading;
import energy.market.weather.source.TemperatureSource;
import energy.market.weather.source.WeatherSourceKind;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The day's temperature from the home's {@code --weather} source (shared-memory file, weather
 * stream), falling back to the market's announcement when the source has nothing for the day.
 */
public final class WeatherTemperature implements DayTemperature, AutoCloseable {
  private final TemperatureSource source;
  private final Duration wait;
  private final Consumer<String> log;
  private String lastProblem;

  /**
   * @param source where the temperature is read
   * @param wait how long a read may wait for the day to appear
   * @param log where a fallback to the market's temperature is reported (once per reason)
   */
  public WeatherTemperature(TemperatureSource source, Duration wait, Consumer<String> log) {
    this.source = source;
    this.wait = wait;
    this.log = log;
  }

  @Override
  public double forDay(long day, double marketCelsius) {
    if (source.kind() == WeatherSourceKind.MARKET) {
      return marketCelsius;
    }
    TemperatureReading reading;
    try {
      reading = source.read(day, wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return marketCelsius;
    }
    if (reading.isPresent()) {
      lastProblem = null;
      return reading.celsius().getAsDouble();
    }
    if (!reading.detail().equals(lastProblem)) {
      lastProblem = reading.detail();
      log.accept(
          "day "
              + day
              + ": no temperature from "
              + source.kind()
              + " ("
              + reading.detail()
              + "); using the market's");
    }
    return marketCelsius;
  }

  @Override
  public void close() {
    source.close();
  }
}

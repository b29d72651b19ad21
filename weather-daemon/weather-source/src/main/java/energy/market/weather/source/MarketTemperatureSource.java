package energy.market.weather.source;

import java.time.Duration;

/** {@code --weather market}: never has a value, so the home uses the market's temperature. */
public final class MarketTemperatureSource implements TemperatureSource {
  @Override
  public TemperatureReading read(long day, Duration wait) {
    return TemperatureReading.unavailable(
        day, WeatherSourceKind.MARKET, "the home uses the temperature the market announces");
  }

  @Override
  public WeatherSourceKind kind() {
    return WeatherSourceKind.MARKET;
  }

  @Override
  public void close() {}
}

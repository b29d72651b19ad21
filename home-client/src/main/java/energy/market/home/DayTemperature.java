package energy.market.home;

/** Decides the temperature homes use for a day: the market's, or one read from the weather. */
@FunctionalInterface
public interface DayTemperature {
  /**
   * @param day the day
   * @param marketCelsius the temperature the market announced for it
   * @return the temperature to draw consumption with
   */
  double forDay(long day, double marketCelsius);

  /** Uses the market's temperature. */
  DayTemperature MARKET = (day, marketCelsius) -> marketCelsius;
}

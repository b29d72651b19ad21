package energy.market.launcher.view;

import energy.market.launcher.model.DayRecord;
import energy.market.launcher.model.Units;

/** One line of plain text per closed day, for output that is not a terminal. */
public final class DayLine {
  private DayLine() {}

  /**
   * For example {@code day 3: price 0.180000 EUR/kWh (+0.010000), 18.5 C, 8 homes, bought 12.0 kWh,
   * sold 30.5 kWh, given 4.0 kWh, events storm}.
   */
  public static String of(DayRecord day) {
    return "day "
        + day.day()
        + ": price "
        + Units.euros(day.priceMicro())
        + " EUR/kWh ("
        + Units.signedEuros(day.changeMicro())
        + "), "
        + Units.celsius(day.temperatureCelsius())
        + (day.weatherStale() ? " (stale)" : "")
        + ", "
        + day.homes()
        + " homes, bought "
        + Units.kwh(day.boughtWh())
        + ", sold "
        + Units.kwh(day.soldWh())
        + ", given "
        + Units.kwh(day.givenWh())
        + ", events "
        + (day.events().isEmpty() ? "none" : day.eventKinds());
  }
}

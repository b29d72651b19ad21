package energy.market.launcher.results;

import energy.market.launcher.model.DayRecord;
import energy.market.launcher.model.Units;
import java.util.List;
import java.util.Locale;

/**
 * {@code prices.csv}: one row per closed day. No wall-clock column and fixed number formats, so
 * that the same seed gives byte-identical files whatever the number of home processes.
 */
public final class PricesCsv {
  /** The header row. */
  public static final String HEADER =
      "day,price_eur_per_kwh,temperature_c,events,bought_wh,sold_wh,given_wh,homes";

  private PricesCsv() {}

  /** The file's text: the header, then the days in the order given, each line ending in LF. */
  public static String render(List<DayRecord> days) {
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    for (DayRecord day : days) {
      csv.append(day.day())
          .append(',')
          .append(Units.euros(day.priceMicro()))
          .append(',')
          .append(String.format(Locale.ROOT, "%.1f", day.temperatureCelsius()))
          .append(',')
          .append(day.eventKinds())
          .append(',')
          .append(day.boughtWh())
          .append(',')
          .append(day.soldWh())
          .append(',')
          .append(day.givenWh())
          .append(',')
          .append(day.homes())
          .append('\n');
    }
    return csv.toString();
  }
}

package energy.market.launcher.view;

import energy.market.launcher.model.DayRecord;
import energy.market.launcher.model.EventInfo;
import energy.market.launcher.model.Units;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the live view shows, as lines of text for a screen of a given size: a title, the price chart
 * of the last days, today's temperature, the active events, the day's bought, sold and given
 * energy, the number of homes and the time of the last tick. Plain code, tested without a terminal.
 */
public final class Dashboard {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  /** The lines below the chart and above it. */
  private static final int FIXED_LINES = 11;

  private Dashboard() {}

  /**
   * @param title the first line, for example the run and the market's address
   * @param plannedDays the days the run has, 0 when unknown (a market watched from outside)
   * @param days the latest days, oldest first
   * @param width the screen's width
   * @param height the screen's height
   * @param unicode block characters and box lines; false for plain ASCII
   */
  public static List<String> render(
      String title,
      long plannedDays,
      List<DayRecord> days,
      int width,
      int height,
      boolean unicode) {
    int w = Math.max(30, width);
    int rows = Math.max(3, Math.min(16, height - FIXED_LINES));
    List<String> lines = new ArrayList<>();
    DayRecord last = days.isEmpty() ? null : days.get(days.size() - 1);
    String progress =
        last == null
            ? "waiting for the first day to close"
            : "day " + last.day() + (plannedDays > 0 ? " of " + plannedDays : "");
    // Progress first: it matters most and survives a narrow window.
    lines.add(progress + "   " + title);
    lines.add(
        last == null
            ? "price    -"
            : "price    "
                + Units.euros(last.priceMicro())
                + " EUR/kWh ("
                + Units.signedEuros(last.changeMicro())
                + ")  over the last "
                + Math.min(days.size(), w - 10)
                + " days:");
    lines.addAll(PriceChart.render(days, w, rows, unicode));
    if (last == null) {
      lines.add("temp     -");
      lines.add("events   -");
      lines.add("energy   -");
      lines.add("homes    -");
      lines.add("tick     -");
    } else {
      lines.add(
          "temp     "
              + Units.celsius(last.temperatureCelsius())
              + (last.weatherStale() ? " (stale: no report, yesterday's kept)" : ""));
      lines.add("events   " + events(last.events()));
      lines.add(
          "energy   bought "
              + Units.kwh(last.boughtWh())
              + "   sold "
              + Units.kwh(last.soldWh())
              + "   given "
              + Units.kwh(last.givenWh()));
      lines.add("homes    " + last.homes());
      lines.add(
          "tick     day "
              + last.day()
              + " closed at "
              + (last.closedAt() == null ? "-" : TIME.format(last.closedAt()) + " UTC"));
    }
    List<String> fitted = new ArrayList<>(lines.size());
    for (String line : lines) {
      fitted.add(line.length() > w ? line.substring(0, w) : line);
    }
    return fitted;
  }

  private static String events(List<EventInfo> events) {
    if (events.isEmpty()) {
      return "none";
    }
    return events.stream()
        .map(
            e ->
                e.kind()
                    + " ("
                    + Units.signedEuros(e.effectMicro())
                    + ", "
                    + e.remainingDays()
                    + (e.remainingDays() == 1 ? " day" : " days")
                    + " left)")
        .collect(Collectors.joining(", "));
  }
}

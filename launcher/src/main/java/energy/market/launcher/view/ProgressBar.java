package energy.market.launcher.view;

import energy.market.launcher.model.Units;
import java.time.Duration;
import java.util.Locale;

/** The headless progress line: {@code [#####.....] day 120/365 0.171234 EUR/kWh 12.3 s}. */
public final class ProgressBar {
  private ProgressBar() {}

  /**
   * @param day the last closed day (0 before the first)
   * @param days the days the run has
   * @param priceMicro the last price, micro-EUR/kWh, or a negative number when none yet
   * @param elapsed time since the run started
   * @param barWidth the number of cells between the brackets
   */
  public static String render(
      long day, long days, long priceMicro, Duration elapsed, int barWidth) {
    long total = Math.max(1, days);
    long done = Math.max(0, Math.min(total, day));
    int filled = (int) (done * barWidth / total);
    return "["
        + "#".repeat(filled)
        + ".".repeat(barWidth - filled)
        + "] day "
        + done
        + "/"
        + total
        + (priceMicro < 0 ? "" : "  " + Units.euros(priceMicro) + " EUR/kWh")
        + String.format(Locale.ROOT, "  %.1f s", elapsed.toMillis() / 1000.0);
  }
}

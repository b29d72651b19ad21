package energy.market.launcher.model;

import energy.market.model.FixedPoint;
import java.util.Locale;

/** Fixed, locale-independent formatting of the market's integer units for people and files. */
public final class Units {
  private Units() {}

  /** Micro-euros (per kWh) as euros with six decimals: {@code 170000 -> 0.170000}. */
  public static String euros(long micro) {
    return FixedPoint.text(micro, 6);
  }

  /** A signed change in micro-euros as euros with six decimals: {@code +0.010000}. */
  public static String signedEuros(long micro) {
    return FixedPoint.signedText(micro, 6);
  }

  /** Watt-hours as kWh with one decimal: {@code 123456 -> 123.5 kWh}. */
  public static String kwh(long wh) {
    return String.format(Locale.ROOT, "%.1f kWh", wh / 1000.0);
  }

  /** A temperature with one decimal: {@code 18.5 C}. */
  public static String celsius(double celsius) {
    return String.format(Locale.ROOT, "%.1f C", celsius);
  }
}

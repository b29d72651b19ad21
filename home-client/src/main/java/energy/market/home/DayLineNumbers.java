package energy.market.home;

import energy.market.model.FixedPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The numbers of the homes' day lines, written as {@code String.format} with {@code Locale.ROOT}
 * would ({@code %.3f} of watt-hours as kWh, {@code %+.6f} of micro-euros as euros, {@code %.1f} of
 * a temperature), without a {@link java.util.Formatter}: a process of a few homes prints a line a
 * day, too rarely for the compiler to take up the formatter's code, and interpreted it cost about
 * 0.7 ms a line, a twentieth of such a process's CPU over a run's days (async-profiler, 100
 * processes of 10 homes). Amounts are whole units, so their decimals are exact.
 */
final class DayLineNumbers {
  private DayLineNumbers() {}

  /** {@code %.3f} of {@code wh / 1000.0}: "1.234", "-0.050". */
  static String kwh(long wh) {
    return FixedPoint.text(wh, 3);
  }

  /** {@code %+.3f} of {@code wh / 1000.0}: "+1.234", "-0.050", "+0.000". */
  static String signedKwh(long wh) {
    return FixedPoint.signedText(wh, 3);
  }

  /** {@code %+.6f} of {@code micro / 1e6}: "+1.500000", "-0.000001". */
  static String signedEur(long micro) {
    return FixedPoint.signedText(micro, 6);
  }

  /**
   * {@code %.1f} of {@code celsius}: its shortest decimal rounded half up, as the formatter does; a
   * value that rounds to zero is "0.0" whatever its sign.
   */
  static String celsius(double celsius) {
    return BigDecimal.valueOf(celsius).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }
}

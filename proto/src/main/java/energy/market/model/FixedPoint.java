package energy.market.model;

import java.math.BigDecimal;

/**
 * The market's integer units written as decimals, exactly and without a locale: watt-hours as kWh
 * ({@code text(1234, 3)} is {@code 1.234}), micro-euros as euros ({@code text(-50, 6)} is {@code
 * -0.000050}).
 */
public final class FixedPoint {
  private FixedPoint() {}

  /** {@code units} divided by ten to the {@code scale}, with exactly {@code scale} decimals. */
  public static String text(long units, int scale) {
    return BigDecimal.valueOf(units, scale).toPlainString();
  }

  /** As {@link #text}, with a plus sign for zero and above: {@code +0.000}, {@code -1.500}. */
  public static String signedText(long units, int scale) {
    return (units >= 0 ? "+" : "") + text(units, scale);
  }
}

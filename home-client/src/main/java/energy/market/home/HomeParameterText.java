package energy.market.home;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Reads the homes' energy options as people write them (ranges like {@code 20-80} and amounts in
 * kWh) into {@link HomeParameters}, with errors that name the option. Shared by {@code home} and by
 * {@code simulate}, which checks the options before it starts any home process.
 */
public final class HomeParameterText {
  private HomeParameterText() {}

  /**
   * @param production the daily production range, kWh ({@code MIN-MAX})
   * @param consumption the daily consumption range on a comfortable day, kWh
   * @param heating extra consumption per degree below the comfort band, kWh
   * @param cooling extra consumption per degree above the comfort band, kWh
   * @throws IllegalArgumentException naming the option and what is allowed
   */
  public static HomeParameters parse(
      String production,
      String consumption,
      String heating,
      String cooling,
      double comfortLow,
      double comfortHigh) {
    String[] produced = range("--production", production);
    String[] consumed = range("--consumption", consumption);
    return new HomeParameters(
        wh("--production", produced[0]),
        wh("--production", produced[1]),
        wh("--consumption", consumed[0]),
        wh("--consumption", consumed[1]),
        wh("--heating", heating),
        wh("--cooling", cooling),
        comfortLow,
        comfortHigh);
  }

  private static String[] range(String option, String range) {
    String[] parts = range.trim().split("-");
    if (parts.length != 2
        || !parts[0].matches("\\d+(\\.\\d+)?")
        || !parts[1].matches("\\d+(\\.\\d+)?")) {
      throw new IllegalArgumentException(
          option + " '" + range + "' is not a range MIN-MAX in kWh, for example 20-80");
    }
    return parts;
  }

  private static long wh(String option, String kwh) {
    BigDecimal value;
    try {
      value = new BigDecimal(kwh.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " '" + kwh + "' is not a number of kWh");
    }
    if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
      throw new IllegalArgumentException(option + " " + kwh + " kWh is out of range 0..1000000");
    }
    return value.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }
}

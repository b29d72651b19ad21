package energy.market.home;

import java.math.BigDecimal;
import java.math.RoundingMode;
import picocli.CommandLine.Option;

/**
 * The homes' energy options, as people write them (ranges like {@code 20-80} and amounts in kWh),
 * and their reading into {@link HomeParameters} with errors that name the option. A Picocli mixin
 * shared by {@code home} and by {@code simulate}, which checks them before it starts any home
 * process and passes them on.
 */
public final class HomeEnergyOptions {
  @Option(
      names = "--production",
      paramLabel = "MIN-MAX",
      description = "Daily production range of a home, kWh (default: ${DEFAULT-VALUE}).",
      defaultValue = "20-80")
  String production;

  @Option(
      names = "--consumption",
      paramLabel = "MIN-MAX",
      description =
          "Daily consumption range of a home on a comfortable day, kWh (default: ${DEFAULT-VALUE}).",
      defaultValue = "6-60")
  String consumption;

  @Option(
      names = "--heating",
      paramLabel = "KWH",
      description =
          "Extra consumption per degree below --comfort-low, kWh (default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  String heating;

  @Option(
      names = "--cooling",
      paramLabel = "KWH",
      description =
          "Extra consumption per degree above --comfort-high, kWh (default: ${DEFAULT-VALUE}).",
      defaultValue = "0.8")
  String cooling;

  /**
   * The options read into parameters, with the comfort band.
   *
   * @throws IllegalArgumentException naming the option and what is allowed
   */
  public HomeParameters parameters(double comfortLow, double comfortHigh) {
    return parse(production, consumption, heating, cooling, comfortLow, comfortHigh);
  }

  /**
   * @param production the daily production range, kWh ({@code MIN-MAX})
   * @param consumption the daily consumption range on a comfortable day, kWh
   * @param heating extra consumption per degree below the comfort band, kWh
   * @param cooling extra consumption per degree above the comfort band, kWh
   * @throws IllegalArgumentException naming the option and what is allowed
   */
  static HomeParameters parse(
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

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
      names = "--home-model",
      paramLabel = "MODEL",
      description =
          "How homes draw their daily energy: course (flat ranges every day, the course project's)"
              + " or seasonal (solar production following the season and the sky, a household's"
              + " consumption rising in winter) (default: ${DEFAULT-VALUE}).",
      defaultValue = "course")
  String model;

  @Option(
      names = "--production",
      paramLabel = "MIN-MAX",
      description =
          "Course model: daily production range of a home, kWh (default: ${DEFAULT-VALUE}).",
      defaultValue = "20-80")
  String production;

  @Option(
      names = "--consumption",
      paramLabel = "MIN-MAX",
      description =
          "Course model: daily consumption range of a home on a comfortable day, kWh"
              + " (default: ${DEFAULT-VALUE}).",
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

  @Option(
      names = "--pv-size",
      paramLabel = "MIN-MAX",
      description =
          "Seasonal model: range of the homes' solar arrays, kW peak; each home's is drawn from the"
              + " seed and its name (default: ${DEFAULT-VALUE}).",
      defaultValue = "2-8")
  String pvSize;

  @Option(
      names = "--sun-hours",
      paramLabel = "WINTER-SUMMER",
      description =
          "Seasonal model: full-sun hours of a clear day at midwinter and at midsummer, that is"
              + " kWh per kW peak; days in between follow a cosine (default: ${DEFAULT-VALUE}).",
      defaultValue = "1.5-7")
  String sunHours;

  @Option(
      names = "--sunniest-day",
      paramLabel = "DAY",
      description =
          "Seasonal model: day of the year with the most sun; day 1 is the 1st of January, as"
              + " for the weather, so 172 is the 21st of June (default: ${DEFAULT-VALUE}).",
      defaultValue = "172")
  String sunniestDay;

  @Option(
      names = "--cloud-loss",
      paramLabel = "SHARE",
      description =
          "Seasonal model: share (0..1) of the sun an overcast sky takes away; the day's cloud"
              + " cover is drawn from the seed and the day, the same for every home"
              + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "0.7")
  String cloudLoss;

  @Option(
      names = "--household",
      paramLabel = "MIN-MAX",
      description =
          "Seasonal model: range of the households' consumption on an average day, kWh; each"
              + " home's is drawn from the seed and its name, and its heating and cooling scale"
              + " with it (default: ${DEFAULT-VALUE}).",
      defaultValue = "6-14")
  String household;

  @Option(
      names = "--load-swing",
      paramLabel = "SHARE",
      description =
          "Seasonal model: how much more a household uses at midwinter, and less at midsummer,"
              + " as a share (0..1) of its average, before heating and cooling"
              + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "0.25")
  String loadSwing;

  @Option(
      names = "--load-noise",
      paramLabel = "SHARE",
      description =
          "Seasonal model: a household's day-to-day variation, a share (0..1) either way"
              + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "0.15")
  String loadNoise;

  /**
   * The options read into parameters, with the comfort band.
   *
   * @throws IllegalArgumentException naming the option and what is allowed
   */
  public HomeParameters parameters(double comfortLow, double comfortHigh) {
    HomeParameters course =
        parse(production, consumption, heating, cooling, comfortLow, comfortHigh);
    return course.withModel(HomeModel.parse(model), seasonal());
  }

  /**
   * The seasonal model's options read into its parameters (checked whatever the model, so that a
   * bad value is caught before it is used).
   *
   * @throws IllegalArgumentException naming the option and what is allowed
   */
  SeasonalParameters seasonal() {
    String[] pv = range("--pv-size", pvSize);
    String[] sun = range("--sun-hours", sunHours);
    String[] households = range("--household", household);
    return new SeasonalParameters(
        number("--pv-size", pv[0]),
        number("--pv-size", pv[1]),
        number("--sun-hours", sun[0]),
        number("--sun-hours", sun[1]),
        day("--sunniest-day", sunniestDay),
        number("--cloud-loss", cloudLoss),
        wh("--household", households[0]),
        wh("--household", households[1]),
        number("--load-swing", loadSwing),
        number("--load-noise", loadNoise));
  }

  private static double number(String option, String text) {
    if (!text.trim().matches("\\d+(\\.\\d+)?")) {
      throw new IllegalArgumentException(
          option + " '" + text + "' is not a number; use digits, for example 0.5");
    }
    return Double.parseDouble(text.trim());
  }

  private static int day(String option, String text) {
    if (!text.trim().matches("\\d{1,3}")) {
      throw new IllegalArgumentException(
          option + " '" + text + "' is not a day of the year; use 1.." + SolarYear.DAYS);
    }
    return Integer.parseInt(text.trim());
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
    String[] parts = range.trim().split("-", -1);
    if (parts.length != 2
        || !parts[0].matches("\\d+(\\.\\d+)?")
        || !parts[1].matches("\\d+(\\.\\d+)?")) {
      throw new IllegalArgumentException(
          option + " '" + range + "' is not a range MIN-MAX, for example " + example(option));
    }
    return parts;
  }

  private static String example(String option) {
    return switch (option) {
      case "--pv-size" -> "2-8 (kW peak)";
      case "--sun-hours" -> "1.5-7 (hours)";
      case "--household" -> "6-14 (kWh)";
      default -> "20-80 (kWh)";
    };
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

package energy.market.weather.model;

/**
 * The knobs of {@link WeatherModel}, all in degrees Celsius unless said otherwise. The defaults are
 * the course project's bounds (start 0..30 C, daily change -6..+6 C, kept in -15..40 C) plus a
 * seasonal cycle that peaks in mid-July when day 1 is the first of January.
 *
 * @param startMin lowest temperature of day 1
 * @param startMax highest temperature of day 1
 * @param maxDailyChange largest change from one day to the next, either way
 * @param minCelsius lowest temperature ever
 * @param maxCelsius highest temperature ever
 * @param seasonalMean the yearly mean the weather is pulled towards
 * @param seasonalAmplitude half the difference between the seasonal norm of summer and winter
 * @param seasonLengthDays the length of the seasonal cycle, days
 * @param warmestDay the day of the cycle (1..seasonLengthDays) with the warmest norm
 * @param reversion the share (0..1) of the gap to the seasonal norm closed each day
 * @param noise the day-to-day noise, drawn uniformly in -noise..+noise
 */
public record WeatherParameters(
    double startMin,
    double startMax,
    double maxDailyChange,
    double minCelsius,
    double maxCelsius,
    double seasonalMean,
    double seasonalAmplitude,
    int seasonLengthDays,
    int warmestDay,
    double reversion,
    double noise) {

  /** The coldest temperature the market accepts in a weather report. */
  public static final double MARKET_MIN_CELSIUS = -90;

  /** The warmest temperature the market accepts in a weather report. */
  public static final double MARKET_MAX_CELSIUS = 60;

  /** The course project's weather with a seasonal cycle: the default of every flag. */
  public static final WeatherParameters DEFAULTS =
      new WeatherParameters(0, 30, 6, -15, 40, 12, 10, 365, 196, 0.2, 4);

  /**
   * @throws IllegalArgumentException with a one-line message saying what is wrong and what is
   *     allowed
   */
  public WeatherParameters {
    finite("start min", startMin);
    finite("start max", startMax);
    finite("max daily change", maxDailyChange);
    finite("min temperature", minCelsius);
    finite("max temperature", maxCelsius);
    finite("seasonal mean", seasonalMean);
    finite("seasonal amplitude", seasonalAmplitude);
    finite("reversion", reversion);
    finite("noise", noise);
    if (minCelsius < MARKET_MIN_CELSIUS || maxCelsius > MARKET_MAX_CELSIUS) {
      throw new IllegalArgumentException(
          "temperature bounds "
              + minCelsius
              + ".."
              + maxCelsius
              + " C must lie within -90..60 C, the range the market accepts");
    }
    if (minCelsius >= maxCelsius) {
      throw new IllegalArgumentException(
          "min temperature "
              + minCelsius
              + " C must be below max temperature "
              + maxCelsius
              + " C");
    }
    if (startMin > startMax) {
      throw new IllegalArgumentException(
          "start min " + startMin + " C must not be above start max " + startMax + " C");
    }
    if (startMin < minCelsius || startMax > maxCelsius) {
      throw new IllegalArgumentException(
          "start range "
              + startMin
              + ".."
              + startMax
              + " C must lie within the bounds "
              + minCelsius
              + ".."
              + maxCelsius
              + " C");
    }
    if (Tenths.ceil(startMin) > Tenths.floor(startMax)) {
      throw new IllegalArgumentException(
          "start range "
              + startMin
              + ".."
              + startMax
              + " C must contain a multiple of 0.1 C (temperatures are rounded to 0.1 C)");
    }
    if (maxDailyChange < 0.1) {
      throw new IllegalArgumentException(
          "max daily change " + maxDailyChange + " C must be at least 0.1 C");
    }
    if (seasonalAmplitude < 0) {
      throw new IllegalArgumentException(
          "seasonal amplitude " + seasonalAmplitude + " C must not be negative");
    }
    if (seasonLengthDays < 2) {
      throw new IllegalArgumentException(
          "season length " + seasonLengthDays + " days must be at least 2");
    }
    if (warmestDay < 1 || warmestDay > seasonLengthDays) {
      throw new IllegalArgumentException(
          "warmest day "
              + warmestDay
              + " must be in 1.."
              + seasonLengthDays
              + " (the season length)");
    }
    if (reversion < 0 || reversion > 1) {
      throw new IllegalArgumentException("reversion " + reversion + " must be in 0..1");
    }
    if (noise < 0) {
      throw new IllegalArgumentException("noise " + noise + " C must not be negative");
    }
  }

  private static void finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number, got " + value);
    }
  }
}

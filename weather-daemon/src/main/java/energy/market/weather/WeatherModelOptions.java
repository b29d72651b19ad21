package energy.market.weather;

import energy.market.weather.model.WeatherParameters;
import picocli.CommandLine.Option;

/**
 * The weather model's command-line options, as a Picocli mixin (the launcher can reuse it). The
 * defaults are {@link WeatherParameters#DEFAULTS}.
 */
public final class WeatherModelOptions {
  @Option(
      names = "--start-min",
      defaultValue = "0",
      paramLabel = "CELSIUS",
      description = "Lowest temperature of day 1 (default: ${DEFAULT-VALUE} C).")
  double startMin;

  @Option(
      names = "--start-max",
      defaultValue = "30",
      paramLabel = "CELSIUS",
      description = "Highest temperature of day 1 (default: ${DEFAULT-VALUE} C).")
  double startMax;

  @Option(
      names = "--max-daily-change",
      defaultValue = "6",
      paramLabel = "CELSIUS",
      description =
          "Largest change from one day to the next, either way (default: ${DEFAULT-VALUE} C).")
  double maxDailyChange;

  @Option(
      names = "--min-temp",
      defaultValue = "-15",
      paramLabel = "CELSIUS",
      description = "Lowest temperature ever, -90 or more (default: ${DEFAULT-VALUE} C).")
  double minCelsius;

  @Option(
      names = "--max-temp",
      defaultValue = "40",
      paramLabel = "CELSIUS",
      description = "Highest temperature ever, 60 or less (default: ${DEFAULT-VALUE} C).")
  double maxCelsius;

  @Option(
      names = "--seasonal-mean",
      defaultValue = "12",
      paramLabel = "CELSIUS",
      description = "Yearly mean of the seasonal norm (default: ${DEFAULT-VALUE} C).")
  double seasonalMean;

  @Option(
      names = "--seasonal-amplitude",
      defaultValue = "10",
      paramLabel = "CELSIUS",
      description =
          "How far summer and winter norms sit from the mean (default: ${DEFAULT-VALUE} C).")
  double seasonalAmplitude;

  @Option(
      names = "--season-length",
      defaultValue = "365",
      paramLabel = "DAYS",
      description = "Length of the seasonal cycle (default: ${DEFAULT-VALUE} days).")
  int seasonLengthDays;

  @Option(
      names = "--warmest-day",
      defaultValue = "196",
      paramLabel = "DAY",
      description =
          "Day of the cycle with the warmest norm; 196 is mid-July when day 1 is"
              + " the 1st of January (default: ${DEFAULT-VALUE}).")
  int warmestDay;

  @Option(
      names = "--reversion",
      defaultValue = "0.2",
      paramLabel = "SHARE",
      description =
          "Share (0..1) of the gap to the seasonal norm closed each day (default: ${DEFAULT-VALUE}).")
  double reversion;

  @Option(
      names = "--noise",
      defaultValue = "4",
      paramLabel = "CELSIUS",
      description = "Day-to-day noise, uniform in -noise..+noise (default: ${DEFAULT-VALUE} C).")
  double noise;

  /**
   * The parameters these options describe.
   *
   * @throws IllegalArgumentException when they are inconsistent, saying how
   */
  public WeatherParameters toParameters() {
    return new WeatherParameters(
        startMin,
        startMax,
        maxDailyChange,
        minCelsius,
        maxCelsius,
        seasonalMean,
        seasonalAmplitude,
        seasonLengthDays,
        warmestDay,
        reversion,
        noise);
  }
}

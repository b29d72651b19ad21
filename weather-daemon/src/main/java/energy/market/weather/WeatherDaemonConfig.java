package energy.market.weather;

import energy.market.weather.model.WeatherParameters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link WeatherDaemon} needs besides its transports.
 *
 * @param seed the weather's seed
 * @param parameters the weather model's knobs
 * @param sharedMemoryFile the weather file to publish into
 * @param operatorToken the operator token for the market
 * @param historyDays how many published days the stream can replay
 * @param reportTimeout the deadline of each {@code ReportWeather} call
 * @param reportAttempts the most {@code ReportWeather} calls per day
 */
public record WeatherDaemonConfig(
    long seed,
    WeatherParameters parameters,
    Path sharedMemoryFile,
    String operatorToken,
    int historyDays,
    Duration reportTimeout,
    int reportAttempts) {

  /** The default number of days the stream can replay. */
  public static final int DEFAULT_HISTORY_DAYS = 4096;

  /**
   * @throws IllegalArgumentException with a one-line message when a value is out of range
   */
  public WeatherDaemonConfig {
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(sharedMemoryFile, "sharedMemoryFile");
    if (operatorToken == null || operatorToken.isBlank()) {
      throw new IllegalArgumentException("the operator token is empty");
    }
    if (historyDays < 1 || historyDays > 1_000_000) {
      throw new IllegalArgumentException("history days " + historyDays + " must be in 1..1000000");
    }
    if (reportTimeout == null || reportTimeout.isNegative() || reportTimeout.isZero()) {
      throw new IllegalArgumentException("report timeout " + reportTimeout + " must be positive");
    }
    if (reportAttempts < 1 || reportAttempts > 100) {
      throw new IllegalArgumentException(
          "report attempts " + reportAttempts + " must be in 1..100");
    }
  }
}

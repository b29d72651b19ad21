package energy.market.weather.client;

import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.ReportWeatherRequest;
import energy.market.api.v1.ReportWeatherResponse;
import energy.market.client.Backoff;
import energy.market.client.MarketCredentials;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Reports a day's temperature to the market ({@code Market/ReportWeather}): each call has a
 * deadline, and transient failures are retried with backoff, a few times and never past the phase's
 * deadline. Errors that a retry cannot fix (a bad token, a refused value) end it at once.
 */
public final class MarketWeatherReporter {

  /** How a report ended. */
  public enum Outcome {
    /** The market set the day's temperature. */
    APPLIED,
    /** The market answered, but the day had moved on: it kept the previous temperature. */
    TOO_LATE,
    /** No attempt succeeded; {@link Result#detail()} says why. */
    FAILED
  }

  /**
   * @param outcome how the report ended
   * @param attempts the calls made
   * @param detail empty, or why the report failed
   */
  public record Result(Outcome outcome, int attempts, String detail) {}

  private static final Set<Status.Code> RETRYABLE =
      EnumSet.of(
          Status.Code.UNAVAILABLE,
          Status.Code.DEADLINE_EXCEEDED,
          Status.Code.RESOURCE_EXHAUSTED,
          Status.Code.ABORTED,
          Status.Code.INTERNAL,
          Status.Code.UNKNOWN);

  private final MarketGrpc.MarketBlockingStub stub;
  private final Duration callTimeout;
  private final int attempts;
  private final Clock clock;

  /**
   * @param market the channel to the market (the caller owns it)
   * @param operatorToken the operator token, presented as every report's credentials
   * @param callTimeout the deadline of each call
   * @param attempts the most calls per report, at least 1
   * @param clock the clock the phase deadline is compared with
   */
  public MarketWeatherReporter(
      Channel market, String operatorToken, Duration callTimeout, int attempts, Clock clock) {
    if (attempts < 1) {
      throw new IllegalArgumentException("report attempts " + attempts + " must be at least 1");
    }
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("report timeout " + callTimeout + " must be positive");
    }
    this.stub =
        MarketGrpc.newBlockingStub(market)
            .withCallCredentials(MarketCredentials.operator(operatorToken));
    this.callTimeout = callTimeout;
    this.attempts = attempts;
    this.clock = clock;
  }

  /**
   * Reports a day, retrying transient failures.
   *
   * @param day the day
   * @param celsius its temperature
   * @param phaseDeadline when the market's OPEN phase ends, or null when unknown; retries stop
   *     there (the first attempt is always made, in case the clocks differ)
   * @throws InterruptedException when interrupted between attempts
   */
  public Result report(long day, double celsius, Instant phaseDeadline)
      throws InterruptedException {
    ReportWeatherRequest request =
        ReportWeatherRequest.newBuilder().setDay(day).setTemperatureCelsius(celsius).build();
    // Jitter seeded by the day: deterministic, yet different days do not retry in lockstep.
    Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), new Random(day));
    String lastFailure = "";
    for (int attempt = 1; attempt <= attempts; attempt++) {
      long timeoutMillis = callTimeout.toMillis();
      if (phaseDeadline != null && attempt > 1) {
        long left = Duration.between(clock.instant(), phaseDeadline).toMillis();
        if (left <= 0) {
          return new Result(
              Outcome.FAILED, attempt - 1, lastFailure + "; the OPEN phase ended before a retry");
        }
        timeoutMillis = Math.min(timeoutMillis, left);
      }
      try {
        ReportWeatherResponse response =
            stub.withDeadlineAfter(Math.max(1, timeoutMillis), TimeUnit.MILLISECONDS)
                .reportWeather(request);
        return new Result(response.getApplied() ? Outcome.APPLIED : Outcome.TOO_LATE, attempt, "");
      } catch (StatusRuntimeException e) {
        Status status = e.getStatus();
        lastFailure =
            status.getCode()
                + (status.getDescription() == null ? "" : ": " + status.getDescription());
        if (!RETRYABLE.contains(status.getCode())) {
          return new Result(Outcome.FAILED, attempt, lastFailure);
        }
      }
      if (attempt < attempts) {
        Thread.sleep(backoff.next().toMillis());
      }
    }
    return new Result(Outcome.FAILED, attempts, lastFailure + " (after " + attempts + " attempts)");
  }
}

package energy.market.client;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses durations as people write them on command lines: {@code 250ms}, {@code 2s}, {@code 1.5s},
 * {@code 5m}, {@code 1h}, or {@code 0}.
 */
public final class Durations implements ITypeConverter<Duration> {
  private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException saying which forms are allowed
   */
  public static Duration parse(String text) {
    String value = text == null ? "" : text.trim().toLowerCase();
    if (value.equals("0")) {
      return Duration.ZERO;
    }
    Matcher matcher = FORMAT.matcher(value);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; write for example 250ms, 2s, 1.5s, 5m, 1h or 0");
    }
    double amount = Double.parseDouble(matcher.group(1));
    double millis =
        switch (matcher.group(2)) {
          case "ms" -> amount;
          case "s" -> amount * 1_000;
          case "m" -> amount * 60_000;
          default -> amount * 3_600_000;
        };
    if (millis > Duration.ofDays(365).toMillis()) {
      throw new IllegalArgumentException("duration '" + text + "' is longer than a year");
    }
    return Duration.ofNanos(Math.round(millis * 1_000_000));
  }

  /** Writes a duration the way {@link #parse} reads it. */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0";
    }
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? (millis / 1000) + "s" : millis + "ms";
  }

  /** As {@link #parse}, failing with a conversion error Picocli prints as one line. */
  @Override
  public Duration convert(String value) {
    try {
      return parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}

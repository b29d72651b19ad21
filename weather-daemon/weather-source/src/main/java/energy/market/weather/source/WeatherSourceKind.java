package energy.market.weather.source;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** The values of a home's {@code --weather} option. */
public enum WeatherSourceKind {
  /**
   * The shared-memory file when it exists and holds the day (a home on the daemon's machine), else
   * the stream (a home elsewhere), else the market's temperature.
   */
  AUTO("auto"),
  /** Only the shared-memory file. */
  SHM("shm"),
  /** Only the daemon's {@code Weather/StreamWeather} feed. */
  STREAM("stream"),
  /** No weather source: the temperature the market announces in each phase. */
  MARKET("market");

  private final String cliName;

  WeatherSourceKind(String cliName) {
    this.cliName = cliName;
  }

  /** The name on the command line. */
  public String cliName() {
    return cliName;
  }

  /**
   * Parses a command-line value, ignoring case and surrounding blanks.
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  public static WeatherSourceKind parse(String text) {
    String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (WeatherSourceKind kind : values()) {
      if (kind.cliName.equals(value)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown weather source '" + text + "'; allowed: " + allowed());
  }

  /** The allowed command-line values, comma-separated. */
  public static String allowed() {
    return Arrays.stream(values())
        .map(WeatherSourceKind::cliName)
        .collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return cliName;
  }

  /** Picocli converter, so {@code --weather} errors read like the others. */
  public static final class Converter implements CommandLine.ITypeConverter<WeatherSourceKind> {
    @Override
    public WeatherSourceKind convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}

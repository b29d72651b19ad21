package energy.market.home;

import energy.market.client.MarketAddress;
import energy.market.weather.source.WeatherSourceKind;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@link HomeSettings} as a properties file: how {@code simulate} hands a home process its
 * settings. A home process started this way reads one small file instead of building the whole
 * option model of {@code energy-market home}, which costs each process about a fifth of its
 * start-up CPU (the options' annotations are read by reflection, and each annotation type is a
 * class generated and verified at run time).
 */
public final class HomeSettingsFile {
  /** The key that says which settings the file holds, and in which form. */
  static final String FORMAT_KEY = "format";

  static final String FORMAT = "energy-market home settings 1";

  private HomeSettingsFile() {}

  /** Writes {@code settings} to {@code file}, replacing it. */
  public static void write(HomeSettings settings, Path file) throws IOException {
    // Sorted by key: the same settings always make the same file.
    Map<String, String> values = new TreeMap<>();
    values.put("market", settings.market().toString());
    putPath(values, "tls-ca", settings.tlsCa());
    putPath(values, "tls-cert", settings.tlsCert());
    putPath(values, "tls-key", settings.tlsKey());
    // Names are letters, digits, '.', '-' and '_': a comma cannot be part of one.
    values.put("names", String.join(",", settings.names()));
    values.put("policy", settings.policy());
    values.put("seed", Long.toString(settings.seed()));
    values.put("days", Long.toString(settings.days()));
    values.put("weather", settings.weather().cliName());
    if (settings.weatherAddress() != null) {
      values.put("weather-address", settings.weatherAddress());
    }
    putPath(values, "shm-file", settings.shmFile());
    putPath(values, "state-dir", settings.stateDir());
    putPath(values, "registration-token-file", settings.registrationTokenFile());
    values.put("print", settings.print());
    HomeParametersProperties.put(values, settings.parameters());
    // Not Properties.store: its first line is the date, whose formatting loads the time zones'
    // names (about 40 ms of the launcher's CPU, while children wait to start).
    StringBuilder text = new StringBuilder(FORMAT_KEY + "=" + FORMAT + "\n");
    values.forEach(
        (key, value) -> text.append(key).append('=').append(escaped(value)).append('\n'));
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** A value as {@link Properties#load(Reader)} reads it back (keys here need no escaping). */
  private static String escaped(String value) {
    StringBuilder escaped = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> escaped.append("\\\\");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        case '\t' -> escaped.append("\\t");
        case '\f' -> escaped.append("\\f");
        // A value's leading blanks would be taken for the separator.
        case ' ' -> escaped.append(i == 0 ? "\\ " : " ");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /**
   * Reads the settings {@link #write} wrote.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException naming the file and the key that is missing or wrong
   */
  public static HomeSettings read(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    try {
      if (!FORMAT.equals(properties.getProperty(FORMAT_KEY))) {
        throw new IllegalArgumentException(
            "it has no line " + FORMAT_KEY + "=" + FORMAT + "; it is not home settings");
      }
      Values values = new Values(properties);
      return new HomeSettings(
          MarketAddress.parse(values.text("market")),
          values.path("tls-ca"),
          values.path("tls-cert"),
          values.path("tls-key"),
          List.of(values.text("names").split(",")),
          values.text("policy"),
          values.number("seed"),
          HomeParametersProperties.read(values),
          values.number("days"),
          WeatherSourceKind.parse(values.text("weather")),
          properties.getProperty("weather-address"),
          Path.of(values.text("shm-file")),
          Path.of(values.text("state-dir")),
          values.path("registration-token-file"),
          values.text("print"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("home settings " + file + ": " + e.getMessage(), e);
    }
  }

  private static void putPath(Map<String, String> values, String key, Path path) {
    if (path != null) {
      values.put(key, path.toString());
    }
  }

  /** Typed reads of the file's keys, each failure naming its key. */
  record Values(Properties properties) {
    String text(String key) {
      String value = properties.getProperty(key);
      if (value == null) {
        throw new IllegalArgumentException("'" + key + "' is missing");
      }
      return value;
    }

    /** A path, or null when the key is absent. */
    Path path(String key) {
      String value = properties.getProperty(key);
      return value == null ? null : Path.of(value);
    }

    long number(String key) {
      try {
        return Long.parseLong(text(key));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + key + "' is not a whole number");
      }
    }

    double decimal(String key) {
      try {
        return Double.parseDouble(text(key));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + key + "' is not a number");
      }
    }

    <E extends Enum<E>> E constant(String key, Class<E> type) {
      String value = text(key);
      try {
        return Enum.valueOf(type, value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "'" + key + "' is " + value + ", not one of " + List.of(type.getEnumConstants()));
      }
    }
  }
}

package energy.market.launcher.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A config file: a Java properties file whose keys are option names without the leading dashes,
 * optionally prefixed by a command name ({@code gamma=0.9}, {@code market.day-length=0}).
 *
 * @param path where it was read from
 * @param entries its keys and values, trimmed, sorted by key
 */
public record ConfigFile(Path path, Map<String, String> entries) {
  /** The option that names the file. */
  public static final String OPTION = "--config";

  public ConfigFile {
    entries = Collections.unmodifiableMap(new TreeMap<>(entries));
  }

  /**
   * Reads a config file.
   *
   * @throws ConfigException when it cannot be read or is not a properties file
   */
  public static ConfigFile load(Path path) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ConfigException(
          "config file "
              + path
              + " cannot be read: "
              + e.getClass().getSimpleName()
              + " "
              + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "config file " + path + " is not a properties file: " + e.getMessage());
    }
    Map<String, String> entries = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      entries.put(key.trim(), properties.getProperty(key).trim());
    }
    return new ConfigFile(path, entries);
  }

  /**
   * The file named by {@code --config FILE} or {@code --config=FILE} among the arguments (before a
   * lone {@code --}), if any. The option must be known before parsing, because Picocli applies
   * defaults before it reads the arguments.
   */
  public static Optional<Path> locate(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        break;
      }
      if (arg.equals(OPTION) && i + 1 < args.length) {
        return Optional.of(Path.of(args[i + 1]));
      }
      if (arg.startsWith(OPTION + "=")) {
        return Optional.of(Path.of(arg.substring(OPTION.length() + 1)));
      }
    }
    return Optional.empty();
  }
}

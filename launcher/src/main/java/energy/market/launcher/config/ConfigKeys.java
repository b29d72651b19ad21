package energy.market.launcher.config;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Checks a config file's keys against the options of the commands, before anything runs. */
public final class ConfigKeys {
  /** Options that make no sense in a file. */
  private static final Set<String> NOT_KEYS = Set.of("help", "version", "config");

  private ConfigKeys() {}

  /** {@code --day-length -> day-length}. */
  public static String bare(String optionName) {
    return optionName.replaceFirst("^-+", "");
  }

  /**
   * @param file the config file
   * @param commands the commands by name
   * @throws ConfigException naming the first unknown key
   */
  public static void check(ConfigFile file, Map<String, CommandLine> commands) {
    for (String key : file.entries().keySet()) {
      int dot = key.indexOf('.');
      String prefix = dot < 0 ? null : key.substring(0, dot);
      String name = dot < 0 ? key : key.substring(dot + 1);
      if (NOT_KEYS.contains(name)) {
        throw new ConfigException(
            "config file " + file.path() + ": key '" + key + "' cannot be set in a config file");
      }
      if (prefix != null) {
        CommandLine command = commands.get(prefix);
        if (command == null) {
          throw new ConfigException(
              "config file "
                  + file.path()
                  + ": key '"
                  + key
                  + "' starts with '"
                  + prefix
                  + ".', which is no command; prefixes are "
                  + String.join(", ", new TreeSet<>(commands.keySet())));
        }
        if (!names(command).contains(name)) {
          throw new ConfigException(
              "config file "
                  + file.path()
                  + ": unknown key '"
                  + key
                  + "': the "
                  + prefix
                  + " command has no option --"
                  + name
                  + " (see energy-market "
                  + prefix
                  + " --help)");
        }
      } else if (commands.values().stream().noneMatch(c -> names(c).contains(name))) {
        throw new ConfigException(
            "config file "
                + file.path()
                + ": unknown key '"
                + key
                + "': no command has an option --"
                + name
                + " (keys are option names without the dashes, optionally prefixed by a command"
                + " name, for example gamma=0.9 or market.day-length=0)");
      }
    }
  }

  private static Set<String> names(CommandLine command) {
    Set<String> names = new TreeSet<>();
    for (OptionSpec option : command.getCommandSpec().options()) {
      for (String name : option.names()) {
        if (name.startsWith("--")) {
          names.add(bare(name));
        }
      }
    }
    names.removeAll(NOT_KEYS);
    return names;
  }
}

package energy.market.launcher.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults one command takes from a config file. For option {@code --name} of command {@code
 * cmd} it looks up {@code cmd.name}, then {@code role.name} for each role the option is passed on
 * to (simulate passes model options on to the market, homes, weather and external daemons), then
 * plain {@code name}; the first found wins. Options given on the command line win over all of them
 * (Picocli asks a default provider only for options that were not given).
 */
public final class ConfigDefaults implements IDefaultValueProvider {
  private final ConfigFile file;
  private final String command;
  private final Map<String, List<String>> rolesByOption;
  private final Map<ArgSpec, String> used = new ConcurrentHashMap<>();

  /**
   * @param file the config file
   * @param command the command's name
   * @param rolesByOption for each option name (with dashes) passed on to other roles, their names
   */
  public ConfigDefaults(ConfigFile file, String command, Map<String, List<String>> rolesByOption) {
    this.file = file;
    this.command = command;
    this.rolesByOption = Map.copyOf(rolesByOption);
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option)) {
      return null;
    }
    for (String key : keys(option.longestName())) {
      String value = file.entries().get(key);
      if (value != null) {
        used.put(arg, key);
        return value;
      }
    }
    return null;
  }

  /** The keys that may set {@code optionName} for this command, most specific first. */
  public List<String> keys(String optionName) {
    String bare = ConfigKeys.bare(optionName);
    List<String> keys = new ArrayList<>();
    keys.add(command + "." + bare);
    for (String role : rolesByOption.getOrDefault(optionName, List.of())) {
      keys.add(role + "." + bare);
    }
    keys.add(bare);
    return keys;
  }

  /** The key that set this option, or null when the file did not. */
  public String keyOf(ArgSpec arg) {
    return used.get(arg);
  }

  /** Every option this file set for the command, with its key. */
  public Map<ArgSpec, String> used() {
    return Map.copyOf(used);
  }

  /** The file. */
  public ConfigFile file() {
    return file;
  }
}

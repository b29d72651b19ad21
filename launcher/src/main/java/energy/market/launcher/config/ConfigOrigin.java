package energy.market.launcher.config;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Where a bad value came from, for the one-line error: when the config file set it, {@code " [from
 * FILE: KEY]"}, else nothing. A value Picocli refused names its option; a command's own check names
 * options in its message, and every key behind those options is listed.
 */
public final class ConfigOrigin implements Function<ParameterException, String> {
  @Override
  public String apply(ParameterException e) {
    CommandLine command = e.getCommandLine();
    if (!(command.getDefaultValueProvider() instanceof ConfigDefaults defaults)) {
      return "";
    }
    ArgSpec arg = e.getArgSpec();
    if (arg != null) {
      String key = defaults.keyOf(arg);
      return key == null ? "" : " [from " + defaults.file().path() + ": " + key + "]";
    }
    String text = e.getMessage().toLowerCase(Locale.ROOT).replace('-', ' ');
    StringBuilder keys = new StringBuilder();
    for (Map.Entry<ArgSpec, String> used : defaults.used().entrySet()) {
      if (used.getKey() instanceof OptionSpec option) {
        String name = ConfigKeys.bare(option.longestName()).replace('-', ' ');
        if (text.contains(name)) {
          keys.append(keys.length() == 0 ? "" : ", ").append(used.getValue());
        }
      }
    }
    return keys.length() == 0 ? "" : " [from " + defaults.file().path() + ": " + keys + "]";
  }
}

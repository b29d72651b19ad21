package energy.market.launcher.simulate;

import java.util.List;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The text of each option's value as the command ended up with it: from the command line, else from
 * the config file, else its default. Used to pass options on to children exactly as given and to
 * record them in run.json.
 */
final class EffectiveOptions {
  private EffectiveOptions() {}

  /** The option's values as text; empty when it has none. */
  static List<String> values(CommandSpec spec, OptionSpec option) {
    ParseResult parsed = spec.commandLine().getParseResult();
    if (parsed != null && parsed.hasMatchedOption(option)) {
      return List.copyOf(option.stringValues());
    }
    IDefaultValueProvider provider = spec.defaultValueProvider();
    String value = null;
    if (provider != null) {
      try {
        value = provider.defaultValue(option);
      } catch (Exception e) {
        value = null;
      }
    }
    if (value == null) {
      value = option.defaultValue();
    }
    if (value == null) {
      return List.of();
    }
    return option.splitRegex().isEmpty()
        ? List.of(value)
        : List.of(value.split(option.splitRegex()));
  }
}

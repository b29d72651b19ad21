package energy.market.launcher.simulate;

import energy.market.client.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

  /** Every option's effective value, for run.json: booleans, lists, or the one value. */
  static Map<String, Object> all(CommandSpec spec) {
    Map<String, Object> options = new TreeMap<>();
    for (OptionSpec option : spec.options()) {
      String name = option.longestName();
      if (option.usageHelp() || option.versionHelp()) {
        continue;
      }
      if (option.typeInfo().isBoolean()) {
        options.put(name, Boolean.TRUE.equals(option.getValue()));
        continue;
      }
      List<String> values = values(spec, option);
      if (option.isMultiValue()) {
        options.put(name, values);
      } else if (!values.isEmpty()) {
        options.put(name, values.get(0));
      }
    }
    return options;
  }

  /**
   * The simulate command line that replays a run, with every option spelled out and the day length
   * the run had (which without the flag depends on {@code --headless}).
   */
  static List<String> replay(CommandSpec spec, Duration dayLength) {
    List<String> command = new ArrayList<>(List.of("energy-market", "simulate"));
    Set<String> skipped = Set.of("--config", "--run-id", "--results-dir", "--day-length");
    for (OptionSpec option : spec.options()) {
      String name = option.longestName();
      if (option.usageHelp() || option.versionHelp() || skipped.contains(name)) {
        continue;
      }
      if (option.typeInfo().isBoolean()) {
        if (Boolean.TRUE.equals(option.getValue())) {
          command.add(name);
        }
        continue;
      }
      for (String value : values(spec, option)) {
        command.add(name + "=" + value);
      }
    }
    command.add("--day-length=" + Durations.format(dayLength));
    return command;
  }
}

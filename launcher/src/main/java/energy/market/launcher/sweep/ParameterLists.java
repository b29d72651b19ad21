package energy.market.launcher.sweep;

import energy.market.launcher.simulate.SimulateCommand;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Reads the sweep's value lists ({@code 0.8,0.92}, seeds {@code 1-5}, {@code NAME=V1,V2}) into
 * parameters, refusing with one line an empty list, a repeated value, or a name simulate has no
 * option for.
 */
final class ParameterLists {
  /** Seeds beyond this many are refused before they are listed. */
  static final long MAX_SEEDS = 1_000_000;

  /** Simulate options a sweep sets itself, or that a run cannot share with the others. */
  private static final Set<String> NOT_SWEPT =
      Set.of(
          "seed", "results-dir", "run-id", "headless", "config", "help", "version", "market-port");

  private ParameterLists() {}

  /**
   * A flag's comma-separated values.
   *
   * @param option the flag, for the message
   * @throws IllegalArgumentException when there is no value or a value is repeated
   */
  static SweepParameter values(String option, String name, String list) {
    List<String> values = new ArrayList<>();
    for (String part : list.split(",", -1)) {
      String value = part.trim();
      if (value.isEmpty()) {
        throw new IllegalArgumentException(
            option
                + " '"
                + list
                + "' has an empty value; give values separated by commas, for example 0.8,0.92");
      }
      if (values.contains(value)) {
        throw new IllegalArgumentException(option + " lists " + value + " twice");
      }
      values.add(value);
    }
    return new SweepParameter(name, values);
  }

  /**
   * A {@code --vary NAME=V1,V2} entry: any other simulate option and its values.
   *
   * @throws IllegalArgumentException for an unknown name or one a flag of its own sets
   */
  static SweepParameter vary(String entry, Set<String> ownFlags) {
    int equals = entry.indexOf('=');
    if (equals <= 0) {
      throw new IllegalArgumentException(
          "--vary '" + entry + "' is not NAME=V1,V2, for example production=10-50,20-80");
    }
    String name = entry.substring(0, equals).trim().replaceFirst("^--", "");
    if (ownFlags.contains(name)) {
      throw new IllegalArgumentException(
          "--vary " + name + ": use the sweep's own --" + name + " flag instead");
    }
    OptionSpec option =
        new CommandLine(new SimulateCommand()).getCommandSpec().findOption("--" + name);
    if (option == null || NOT_SWEPT.contains(name)) {
      throw new IllegalArgumentException(
          "--vary: unknown parameter '"
              + name
              + "'; use a simulate option other than "
              + String.join(", ", new java.util.TreeSet<>(NOT_SWEPT))
              + " (see energy-market simulate --help)");
    }
    return values("--vary " + name, name, entry.substring(equals + 1));
  }

  /**
   * Seeds as {@code 1-5}, {@code 1,4,9} or a mix of both.
   *
   * @throws IllegalArgumentException when not that, empty, repeated or over {@link #MAX_SEEDS}
   */
  static SweepParameter seeds(String list) {
    Set<String> seeds = new LinkedHashSet<>();
    for (String part : list.split(",", -1)) {
      String item = part.trim();
      if (item.matches("\\d{1,18}")) {
        add(seeds, Long.parseLong(item), list);
      } else if (item.matches("\\d{1,18}-\\d{1,18}")) {
        long from = Long.parseLong(item.substring(0, item.indexOf('-')));
        long to = Long.parseLong(item.substring(item.indexOf('-') + 1));
        if (to < from) {
          throw new IllegalArgumentException(
              "--seeds " + item + " is an empty range; write the smaller seed first, like 1-5");
        }
        if (to - from + 1 + seeds.size() > MAX_SEEDS) {
          throw new IllegalArgumentException(
              "--seeds '" + list + "' has over " + MAX_SEEDS + " seeds; at most " + MAX_SEEDS);
        }
        for (long seed = from; seed <= to; seed++) {
          add(seeds, seed, list);
        }
      } else {
        throw new IllegalArgumentException(
            "--seeds '"
                + list
                + "' is not a list of seeds; use numbers and ranges, for example 1-5 or 1,3,7");
      }
    }
    return new SweepParameter(SweepDefinition.SEED, List.copyOf(seeds));
  }

  private static void add(Set<String> seeds, long seed, String list) {
    if (!seeds.add(Long.toString(seed))) {
      throw new IllegalArgumentException("--seeds '" + list + "' lists seed " + seed + " twice");
    }
  }
}

package energy.market.launcher.sweep;

import java.util.List;

/**
 * One swept simulate option and the values it takes, in the order given.
 *
 * @param name the simulate option's name without the dashes, also the summary's column
 * @param values the values, as written (a policy mix joins its shares with '+')
 */
public record SweepParameter(String name, List<String> values) {
  public SweepParameter {
    values = List.copyOf(values);
  }

  /** The value as simulate takes it: a policy mix's shares are joined by commas there. */
  String simulateValue(String value) {
    return name.equals("policy") ? value.replace('+', ',') : value;
  }
}

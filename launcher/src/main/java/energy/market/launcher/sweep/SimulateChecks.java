package energy.market.launcher.sweep;

import energy.market.launcher.simulate.SimulateCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a sweep's runs as simulate will, before any starts: each scenario whole when there are
 * few, else each value of each parameter with the others at their first value. Seeds are numbers
 * checked once.
 */
final class SimulateChecks {
  private SimulateChecks() {}

  /**
   * @throws IllegalArgumentException with simulate's message and the values that caused it
   */
  static void check(SweepDefinition definition, int maxScenarios) {
    List<SweepParameter> parameters = definition.parameters();
    long scenarios = definition.size() / definition.parameter(SweepDefinition.SEED).values().size();
    Set<List<String>> checked = new LinkedHashSet<>();
    if (scenarios <= maxScenarios) {
      for (PlannedRun run : definition.runs()) {
        checkOnce(definition, run, checked);
      }
      return;
    }
    for (int p = 0; p < parameters.size(); p++) {
      for (String value : parameters.get(p).values()) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int q = 0; q < parameters.size(); q++) {
          SweepParameter parameter = parameters.get(q);
          values.put(parameter.name(), q == p ? value : parameter.values().get(0));
        }
        checkOnce(definition, new PlannedRun(0, "check", values), checked);
      }
    }
  }

  private static void checkOnce(
      SweepDefinition definition, PlannedRun run, Set<List<String>> checked) {
    List<String> args = new ArrayList<>();
    for (String arg : SweepRunner.parameterArgs(definition, run)) {
      // One seed stands for all: a seed is only a number.
      if (!arg.startsWith("--" + SweepDefinition.SEED + "=")) {
        args.add(arg);
      }
    }
    if (!checked.add(args)) {
      return;
    }
    List<String> full = new ArrayList<>(args);
    full.add("--seed=" + run.values().get(SweepDefinition.SEED));
    // A results directory that never exists, so the run id is free whatever ran before.
    Path nowhere = Path.of(System.getProperty("java.io.tmpdir"), "energy-market-sweep-check-none");
    full.addAll(List.of("--headless", "--results-dir", nowhere.toString(), "--run-id", "check"));
    try {
      SimulateCommand.check(full);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "run " + run.scenario() + " would be refused by simulate: " + e.getMessage());
    }
  }
}

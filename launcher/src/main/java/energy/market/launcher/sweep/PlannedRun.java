package energy.market.launcher.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a sweep: its place in the product, its name (also its directory and its simulate run
 * id) and the value of each swept parameter.
 *
 * @param index 1-based place in the cartesian product, the same for every shard
 * @param name the run's name
 * @param values each parameter's value, in the sweep's parameter order (the seed last)
 */
public record PlannedRun(int index, String name, Map<String, String> values) {
  public PlannedRun {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The scenario this run belongs to: its values without the seed, as {@code name=value ...}. */
  String scenario() {
    List<String> parts = new ArrayList<>();
    values.forEach(
        (name, value) -> {
          if (!name.equals(SweepDefinition.SEED)) {
            parts.add(name + "=" + value);
          }
        });
    return parts.isEmpty() ? "all" : String.join(" ", parts);
  }
}

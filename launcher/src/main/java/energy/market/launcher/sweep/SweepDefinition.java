package energy.market.launcher.sweep;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sweep runs: its id and its parameters, the seed last. The runs are the cartesian product
 * of the parameters' values, the last parameter varying fastest, so the runs of one scenario (its
 * seeds) sit side by side and each run's index is the same on every machine.
 *
 * @param id the sweep's id, also its directory's name and the prefix of its runs' names
 * @param parameters the swept parameters, the seed last
 */
public record SweepDefinition(String id, List<SweepParameter> parameters) {
  /** The name of the seed parameter. */
  public static final String SEED = "seed";

  public SweepDefinition {
    parameters = List.copyOf(parameters);
    if (!id.matches("[A-Za-z0-9._-]{1,60}") || id.startsWith(".")) {
      throw new IllegalArgumentException(
          "--id '" + id + "' is not allowed; use 1 to 60 letters, digits, '.', '-', '_'");
    }
  }

  /**
   * The id a sweep gets when none is given: a digest of its parameters, so that running the same
   * sweep again, or one of its shards on another machine, finds the same directory.
   */
  public static String defaultId(List<SweepParameter> parameters) {
    StringBuilder text = new StringBuilder("sweep-v1");
    for (SweepParameter parameter : parameters) {
      text.append('\n').append(parameter.name()).append('=').append(parameter.values());
    }
    return "sweep-"
        + Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString().substring(0, 8);
  }

  /** The number of runs, or {@link Long#MAX_VALUE} when it does not fit a long. */
  public long size() {
    long size = 1;
    for (SweepParameter parameter : parameters) {
      try {
        size = Math.multiplyExact(size, parameter.values().size());
      } catch (ArithmeticException e) {
        return Long.MAX_VALUE;
      }
    }
    return size;
  }

  /** The parameter with this name, or null. */
  SweepParameter parameter(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
  }

  /** Every run, in product order; call only once {@link #size()} is known to be reasonable. */
  public List<PlannedRun> runs() {
    int total = Math.toIntExact(size());
    int width = Math.max(4, Integer.toString(total).length());
    List<PlannedRun> runs = new ArrayList<>(total);
    int[] digits = new int[parameters.size()];
    for (int index = 1; index <= total; index++) {
      Map<String, String> values = new LinkedHashMap<>();
      for (int p = 0; p < parameters.size(); p++) {
        values.put(parameters.get(p).name(), parameters.get(p).values().get(digits[p]));
      }
      String name = id + "-r" + String.format(java.util.Locale.ROOT, "%0" + width + "d", index);
      runs.add(new PlannedRun(index, name, values));
      for (int p = parameters.size() - 1; p >= 0; p--) {
        if (++digits[p] < parameters.get(p).values().size()) {
          break;
        }
        digits[p] = 0;
      }
    }
    return runs;
  }

  /** This shard's runs, in product order. */
  public List<PlannedRun> runs(Shard shard) {
    return runs().stream().filter(r -> shard.contains(r.index())).toList();
  }

  /** The names of the parameters, in order: the summary's parameter columns. */
  List<String> names() {
    return parameters.stream().map(SweepParameter::name).toList();
  }

  /**
   * {@code plan.csv}: every run of the whole sweep with its values, the same for every shard; the
   * merge step checks that the directories it combines belong to one sweep by it.
   */
  String planCsv() {
    StringBuilder csv = new StringBuilder("run,").append(String.join(",", names())).append('\n');
    for (PlannedRun run : runs()) {
      csv.append(run.name());
      for (String value : run.values().values()) {
        csv.append(',').append(value);
      }
      csv.append('\n');
    }
    return csv.toString();
  }
}

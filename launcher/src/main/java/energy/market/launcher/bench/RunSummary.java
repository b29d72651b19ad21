package energy.market.launcher.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of repeated runs, summed up as median [min..max] for each: one run on a shared
 * machine says little, and the median of a few says more than their mean.
 */
final class RunSummary {
  private final Map<String, List<Double>> runs = new LinkedHashMap<>();
  private int count;

  void add(Figures figures) {
    count++;
    figures
        .values()
        .forEach((name, value) -> runs.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
  }

  int runs() {
    return count;
  }

  /** The median of a figure over the runs that have it (the lower middle of an even count). */
  double median(String name) {
    List<Double> values = sorted(name);
    return values.isEmpty() ? Double.NaN : values.get((values.size() - 1) / 2);
  }

  double min(String name) {
    List<Double> values = sorted(name);
    return values.isEmpty() ? Double.NaN : values.get(0);
  }

  double max(String name) {
    List<Double> values = sorted(name);
    return values.isEmpty() ? Double.NaN : values.get(values.size() - 1);
  }

  /** One line a figure: " name median [min..max]". */
  void print(PrintWriter out) {
    int width = runs.keySet().stream().mapToInt(String::length).max().orElse(0);
    out.printf(Locale.ROOT, "median [min..max] of %d runs:%n", count);
    for (String name : runs.keySet()) {
      out.printf(
          Locale.ROOT,
          "  %-" + width + "s  %s [%s..%s]%n",
          name,
          Figures.format(median(name)),
          Figures.format(min(name)),
          Figures.format(max(name)));
    }
    out.flush();
  }

  private List<Double> sorted(String name) {
    List<Double> values = new ArrayList<>(runs.getOrDefault(name, List.of()));
    values.removeIf(v -> v.isNaN());
    values.sort(Double::compare);
    return values;
  }
}

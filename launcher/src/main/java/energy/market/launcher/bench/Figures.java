package energy.market.launcher.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One run's figures, by name (its unit in the name: "trades/s", "p99 ms"), in print order. */
final class Figures {
  private final Map<String, Double> values = new LinkedHashMap<>();

  Figures put(String name, double value) {
    values.put(name, value);
    return this;
  }

  /** Adds every figure of {@code other}, each name prefixed (for the transport's: "transport "). */
  Figures putAll(String prefix, Figures other) {
    other.values.forEach((name, value) -> values.put(prefix + name, value));
    return this;
  }

  /**
   * {@code numerator / denominator}, named "a / b", when both are there and the ratio is finite.
   */
  Figures putRatio(String numerator, String denominator) {
    Double a = values.get(numerator);
    Double b = values.get(denominator);
    if (a != null && b != null && b != 0) {
      values.put(numerator + " / " + denominator, a / b);
    }
    return this;
  }

  double get(String name) {
    return values.getOrDefault(name, Double.NaN);
  }

  Map<String, Double> values() {
    return Collections.unmodifiableMap(values);
  }

  /** A figure as people read it: large ones with thousands separators, small ones to 2 places. */
  static String format(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    return Math.abs(value) >= 100
        ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%.2f", value);
  }

  /** "name value, name value, ..." on one line. */
  @Override
  public String toString() {
    StringBuilder line = new StringBuilder();
    values.forEach(
        (name, value) ->
            line.append(line.length() == 0 ? "" : ", ")
                .append(name)
                .append(' ')
                .append(format(value)));
    return line.toString();
  }
}

package energy.market.launcher.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The comparison charts of a sweep, one PNG per metric in {@code charts/}: a bar per scenario (the
 * values of every parameter but the seed) at the mean over its seeds, with an error bar of one
 * standard deviation either way. Only completed runs count. Drawn with XChart off screen.
 */
final class SweepCharts {
  /** One chart: its file name, title, unit, the columns drawn (one series each) and a scale. */
  private record Chart(
      String file, String title, String unit, List<String> columns, double scale) {}

  private static final List<Chart> CHARTS =
      List.of(
          new Chart("price-mean", "Mean price", "EUR/kWh", List.of("price_mean_eur_per_kwh"), 1),
          new Chart(
              "price-volatility",
              "Price volatility",
              "EUR/kWh",
              List.of("price_sd_eur_per_kwh", "price_change_sd_eur_per_kwh"),
              1),
          new Chart(
              "energy",
              "Energy bought, sold, given, wasted",
              "kWh",
              List.of("bought_wh", "sold_wh", "given_wh", "wasted_wh"),
              1e-3),
          new Chart(
              "money-per-policy",
              "Money per home (earned - paid) by policy",
              "EUR",
              RunMetrics.POLICIES.stream().map(p -> "net_eur_per_home_" + p).toList(),
              1));

  /** The chart whose columns are one per policy: a bar per scenario and policy present. */
  private static final String PER_POLICY = "money-per-policy";

  private SweepCharts() {}

  /**
   * Writes the charts.
   *
   * @param dir the charts directory
   * @param parameterNames the summary's parameter columns
   * @param lines the summary's lines, in product order
   * @return the files written, relative to {@code dir}'s parent
   */
  static List<String> write(Path dir, List<String> parameterNames, List<String> lines)
      throws IOException {
    List<String> header = List.of(SummaryCsv.header(parameterNames).split(","));
    int status = header.indexOf("status");
    List<String[]> completed = new ArrayList<>();
    for (String line : lines) {
      String[] cells = line.split(",", -1);
      if (cells[status].equals(SummaryCsv.COMPLETED)) {
        completed.add(cells);
      }
    }
    // A scenario is named by the parameters that vary (a value shared by all runs says nothing).
    List<Integer> varying = new ArrayList<>();
    for (int p = 0; p < parameterNames.size(); p++) {
      int column = 1 + p;
      boolean seed = parameterNames.get(p).equals(SweepDefinition.SEED);
      if (!seed && completed.stream().map(c -> c[column]).distinct().count() > 1) {
        varying.add(p);
      }
    }
    Map<String, List<String[]>> byScenario = new LinkedHashMap<>();
    for (String[] cells : completed) {
      List<String> scenario = new ArrayList<>();
      for (int p : varying) {
        scenario.add(parameterNames.get(p) + "=" + cells[1 + p]);
      }
      String label = scenario.isEmpty() ? "all runs" : String.join(" ", scenario);
      byScenario.computeIfAbsent(label, k -> new ArrayList<>()).add(cells);
    }
    Files.createDirectories(dir);
    List<String> written = new ArrayList<>();
    if (byScenario.isEmpty()) {
      return written;
    }
    for (Chart spec : CHARTS) {
      CategoryChart chart =
          spec.file().equals(PER_POLICY)
              ? perPolicy(spec, byScenario, header)
              : chart(spec, byScenario, header);
      if (chart.getSeriesMap().isEmpty()) {
        continue;
      }
      BitmapEncoder.saveBitmap(
          chart, dir.resolve(spec.file() + ".png").toString(), BitmapEncoder.BitmapFormat.PNG);
      written.add(dir.getFileName() + "/" + spec.file() + ".png");
    }
    return written;
  }

  private static CategoryChart chart(
      Chart spec, Map<String, List<String[]>> byScenario, List<String> header) {
    CategoryChart chart = empty(spec, byScenario.size());
    List<String> scenarios = new ArrayList<>(byScenario.keySet());
    for (String column : spec.columns()) {
      int index = header.indexOf(column);
      // A figure a run could not have (the day-to-day change of a one-day run) leaves it out.
      if (byScenario.values().stream().flatMap(List::stream).anyMatch(r -> r[index].isEmpty())) {
        continue;
      }
      List<Double> means = new ArrayList<>();
      List<Double> spreads = new ArrayList<>();
      for (List<String[]> rows : byScenario.values()) {
        double[] spread = meanAndSpread(rows, index, spec.scale());
        means.add(spread[0]);
        spreads.add(spread[1]);
      }
      chart.addSeries(column.replaceFirst("_(wh|eur_per_kwh)$", ""), scenarios, means, spreads);
    }
    return chart;
  }

  /**
   * Money by policy: a policy no home of a scenario had has no figure, so each bar is one scenario
   * and one policy its homes had, in one series.
   */
  private static CategoryChart perPolicy(
      Chart spec, Map<String, List<String[]>> byScenario, List<String> header) {
    List<String> labels = new ArrayList<>();
    List<Double> means = new ArrayList<>();
    List<Double> spreads = new ArrayList<>();
    for (Map.Entry<String, List<String[]>> scenario : byScenario.entrySet()) {
      for (int p = 0; p < RunMetrics.POLICIES.size(); p++) {
        int index = header.indexOf(spec.columns().get(p));
        if (scenario.getValue().stream().anyMatch(r -> r[index].isEmpty())) {
          continue;
        }
        double[] spread = meanAndSpread(scenario.getValue(), index, spec.scale());
        labels.add(scenario.getKey() + " | " + RunMetrics.POLICIES.get(p));
        means.add(spread[0]);
        spreads.add(spread[1]);
      }
    }
    CategoryChart chart = empty(spec, labels.size());
    if (!labels.isEmpty()) {
      chart.addSeries("net EUR per home", labels, means, spreads);
    }
    return chart;
  }

  /** The mean of a column over rows and its population standard deviation. */
  private static double[] meanAndSpread(List<String[]> rows, int index, double scale) {
    double[] values =
        rows.stream().mapToDouble(r -> Double.parseDouble(r[index]) * scale).toArray();
    double mean = java.util.Arrays.stream(values).average().orElse(0);
    double squares = java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
    return new double[] {mean, Math.sqrt(squares / values.length)};
  }

  private static CategoryChart empty(Chart spec, int bars) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(Math.min(4000, Math.max(800, 220 * bars)))
            .height(480)
            .title(spec.title() + ": mean over seeds, +/- one standard deviation")
            .xAxisTitle("scenario")
            .yAxisTitle(spec.unit())
            .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setAntiAlias(true);
    chart.getStyler().setErrorBarsColor(java.awt.Color.DARK_GRAY);
    chart.getStyler().setXAxisLabelRotation(bars > 3 ? 20 : 0);
    return chart;
  }
}

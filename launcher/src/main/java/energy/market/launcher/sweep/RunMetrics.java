package energy.market.launcher.sweep;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run's outcome, read from its own results (prices.csv and homes.csv), as the summary's text
 * figures: fixed formats, so that the same results always give the same bytes.
 *
 * @param figures each metric's column name and its value as text, in {@link #COLUMNS} order
 */
public record RunMetrics(Map<String, String> figures) {
  /** The policies whose money is reported, in column order. */
  static final List<String> POLICIES = List.of("always-sell", "always-give", "sell-if-no-takers");

  /** The metric columns, in order. */
  static final List<String> COLUMNS = columns();

  private static List<String> columns() {
    List<String> columns =
        new ArrayList<>(
            List.of(
                "days_closed",
                "home_accounts",
                "price_mean_eur_per_kwh",
                "price_sd_eur_per_kwh",
                "price_change_sd_eur_per_kwh",
                "produced_wh",
                "consumed_wh",
                "bought_wh",
                "sold_wh",
                "given_wh",
                "wasted_wh"));
    for (String policy : POLICIES) {
      columns.add("net_eur_per_home_" + policy);
    }
    return List.copyOf(columns);
  }

  public RunMetrics {
    figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
  }

  /** A run with no results: every figure empty. */
  static RunMetrics none() {
    Map<String, String> figures = new LinkedHashMap<>();
    COLUMNS.forEach(c -> figures.put(c, ""));
    return new RunMetrics(figures);
  }

  /**
   * Reads a run's figures from its directory.
   *
   * @throws IOException when prices.csv or homes.csv cannot be read or is not as simulate writes it
   */
  static RunMetrics read(Path runDir) throws IOException {
    List<String[]> days = rows(runDir.resolve("prices.csv"), "day,price_eur_per_kwh,");
    List<String[]> homes = rows(runDir.resolve("homes.csv"), "name,policy,produced_wh,");
    long[] prices = new long[days.size()];
    for (int i = 0; i < days.size(); i++) {
      prices[i] = micro(days.get(i)[1]);
    }
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("days_closed", Integer.toString(days.size()));
    figures.put("home_accounts", Integer.toString(homes.size()));
    figures.put("price_mean_eur_per_kwh", mean(prices));
    figures.put("price_sd_eur_per_kwh", sd(prices));
    long[] changes = new long[Math.max(0, prices.length - 1)];
    for (int i = 1; i < prices.length; i++) {
      changes[i - 1] = prices[i] - prices[i - 1];
    }
    figures.put("price_change_sd_eur_per_kwh", sd(changes));
    // homes.csv columns: name,policy,produced,consumed,given,received,sold,bought,wasted,...
    figures.put("produced_wh", Long.toString(sum(homes, 2)));
    figures.put("consumed_wh", Long.toString(sum(homes, 3)));
    figures.put("bought_wh", Long.toString(sum(homes, 7)));
    figures.put("sold_wh", Long.toString(sum(homes, 6)));
    figures.put("given_wh", Long.toString(sum(homes, 4)));
    figures.put("wasted_wh", Long.toString(sum(homes, 8)));
    for (String policy : POLICIES) {
      List<String[]> ofPolicy = homes.stream().filter(h -> h[1].equals(policy)).toList();
      figures.put(
          "net_eur_per_home_" + policy,
          ofPolicy.isEmpty()
              ? ""
              : BigDecimal.valueOf(sum(ofPolicy, 12))
                  .divide(BigDecimal.valueOf(ofPolicy.size()), 0, RoundingMode.HALF_EVEN)
                  .movePointLeft(6)
                  .toPlainString());
    }
    return new RunMetrics(figures);
  }

  private static List<String[]> rows(Path csv, String headerStart) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).startsWith(headerStart)) {
      throw new IOException(csv + " is not a simulate results file");
    }
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isEmpty()) {
        rows.add(line.split(",", -1));
      }
    }
    return rows;
  }

  private static long sum(List<String[]> rows, int column) throws IOException {
    long sum = 0;
    for (String[] row : rows) {
      try {
        sum += Long.parseLong(row[column]);
      } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
        throw new IOException(
            "not a number in column " + (column + 1) + ": " + String.join(",", row));
      }
    }
    return sum;
  }

  private static long micro(String euros) {
    return new BigDecimal(euros).movePointRight(6).setScale(0, RoundingMode.HALF_EVEN).longValue();
  }

  /** The mean of micro-euro values, in EUR with 6 decimals, rounded half-even. */
  private static String mean(long[] micro) {
    if (micro.length == 0) {
      return "";
    }
    long total = 0;
    for (long value : micro) {
      total += value;
    }
    return BigDecimal.valueOf(total)
        .divide(BigDecimal.valueOf(micro.length), 0, RoundingMode.HALF_EVEN)
        .movePointLeft(6)
        .toPlainString();
  }

  /** The population standard deviation of micro-euro values, in EUR with 6 decimals. */
  private static String sd(long[] micro) {
    if (micro.length == 0) {
      return "";
    }
    double mean = 0;
    for (long value : micro) {
      mean += value;
    }
    mean /= micro.length;
    double squares = 0;
    for (long value : micro) {
      squares += (value - mean) * (value - mean);
    }
    return String.format(Locale.ROOT, "%.6f", Math.sqrt(squares / micro.length) / 1e6);
  }
}

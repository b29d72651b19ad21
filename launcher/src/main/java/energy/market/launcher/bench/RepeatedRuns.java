package energy.market.launcher.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * How a market bench repeats itself: each run measures the transport's figure first (unless there
 * is none), then the market's seconds later, and prints both with their ratios; the runs end with
 * median [min..max] of every figure.
 */
final class RepeatedRuns {
  /** One measurement of run {@code run} (from 1). */
  @FunctionalInterface
  interface Measurement {
    Figures measure(int run) throws Exception;
  }

  /**
   * A ratio to print: the market's figure {@code market} over the transport's {@code transport}.
   */
  record Ratio(String market, String transport) {}

  private final PrintWriter out;
  private final int runs;

  RepeatedRuns(PrintWriter out, int runs) {
    this.out = out;
    this.runs = runs;
  }

  /**
   * Runs the bench.
   *
   * @param transport the baseline's measurement, or null for none
   * @param transportName how the baseline's line names it ("bench baseline")
   * @param market the market's measurement; prints its own line, returns its figures with "errors"
   *     among them
   * @param ratios the ratios to add to each run's figures
   * @param profile where each run's profile went, or null without one
   * @return the exit code: 0 when no run counted an error, else 1
   */
  int run(
      Measurement transport,
      String transportName,
      Measurement market,
      List<Ratio> ratios,
      ProfileOption profile)
      throws Exception {
    RunSummary summary = new RunSummary();
    long errors = 0;
    for (int run = 1; run <= runs; run++) {
      Figures baseline = transport == null ? null : transport.measure(run);
      out.printf("run %d/%d:%n", run, runs);
      out.flush();
      Figures measured = market.measure(run);
      errors += (long) measured.get("errors");
      Figures figures = new Figures().putAll("", measured);
      if (baseline != null) {
        figures.putAll("transport ", baseline);
        for (Ratio ratio : ratios) {
          figures.putRatio(ratio.market(), "transport " + ratio.transport());
        }
        out.printf("transport (%s): %s%n", transportName, baseline);
      }
      out.flush();
      summary.add(figures);
    }
    summary.print(out);
    if (profile != null && profile.file != null) {
      for (int run = 1; run <= runs; run++) {
        Path recording = profile.recording(run, runs);
        out.printf("market profile of run %d: %s%n", run, recording);
      }
      out.flush();
    }
    return errors == 0 ? 0 : 1;
  }
}

package energy.market.launcher.sweep;

import energy.market.client.cli.CommandFailure;
import energy.market.launcher.SignalTrap;
import energy.market.launcher.config.ConfigDefaults;
import energy.market.launcher.config.ConfigKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code energy-market sweep}: runs the cartesian product of scenarios, each a real simulate. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    version = "energy-market 0.1.0",
    subcommands = SweepMergeCommand.class,
    description = {
      "Runs every combination of the values given (the cartesian product), each run a whole"
          + " headless simulate as its own processes, several at once, with one progress line per"
          + " run ended. Writes SWEEPS-DIR/ID/: runs/RUN/ (each run's results, as simulate"
          + " writes them), plan.csv (every run and its values), summary.csv (one row per run:"
          + " its values, its status and its outcome: price mean and spread, energy produced,"
          + " consumed, bought, sold, given, wasted, money per home by policy) and charts/*.png"
          + " (each metric per scenario, mean over the seeds with a one-standard-deviation bar).",
      "Value lists are comma-separated (--gamma 0.8,0.92); seeds take ranges (--seeds 1-5);"
          + " options not given keep simulate's defaults. Running the same sweep again resumes"
          + " it: a run whose results are complete is kept, the others run afresh.",
      "Exit codes: 0 every run completed; 1 a run failed; 2 bad options; 130/143 stopped by"
          + " SIGINT/SIGTERM (run again to resume).",
      ""
    },
    footer = {
      "",
      "Config file (--config sweep.properties): the same options as keys, for example"
          + " policy=always-sell,sell-if-no-takers, gamma=0.8,0.92, seeds=1-5, days=365 and"
          + " vary=production=10-50,20-80;cloud-loss=0.5,0.7 (entries separated by ';')."
    })
public final class SweepCommand implements Callable<Integer> {
  /** Above this many runs a sweep needs --yes. */
  static final long CONFIRM_ABOVE = 10_000;

  /** No sweep has more runs than this, even with --yes. */
  static final long MAX_RUNS = 1_000_000;

  /** Scenarios up to this many are each checked whole; above, each value is checked alone. */
  private static final int CHECK_EVERY_SCENARIO = 200;

  @Spec CommandSpec spec;

  @Mixin SweepValues values = new SweepValues();

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description =
          "Runs at once; 0 picks one per two cores, as each run is several busy processes"
              + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "0")
  int parallel;

  @Option(
      names = "--shard",
      paramLabel = "K/N",
      description =
          "Runs only shard K of N: runs K, K+N, K+2N... of the product. Each shard writes"
              + " shard-K-of-N.csv instead of summary.csv; sweep merge combines them"
              + " (default: ${DEFAULT-VALUE}, the whole sweep).",
      defaultValue = "1/1")
  String shard;

  @Option(
      names = "--sweeps-dir",
      paramLabel = "DIR",
      description = "Where sweeps write their ID directory (default: ${DEFAULT-VALUE}).",
      defaultValue = "sweeps")
  Path sweepsDir;

  @Option(
      names = "--yes",
      description = "Runs a sweep of over " + CONFIRM_ABOVE + " runs (default: off).")
  boolean yes;

  @Option(
      names = "--class-data-sharing",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Passed on to each simulate; --no-class-data-sharing starts processes plainly"
              + " (default: ${DEFAULT-VALUE}).")
  boolean classDataSharing;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Shard part;
    SweepDefinition definition;
    List<PlannedRun> runs;
    int atOnce;
    try {
      checkConfigKeys();
      part = Shard.parse(shard);
      definition = values.definition();
      checkSize(definition);
      runs = definition.runs(part);
      atOnce =
          parallel == 0 ? Math.max(1, Runtime.getRuntime().availableProcessors() / 2) : parallel;
      if (atOnce < 1 || atOnce > 64) {
        throw new IllegalArgumentException("--parallel " + parallel + " is out of range 0..64");
      }
      SimulateChecks.check(definition, CHECK_EVERY_SCENARIO);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }

    Path dir = sweepsDir.resolve(definition.id());
    Files.createDirectories(SweepRunner.runsDir(dir));
    Files.writeString(dir.resolve(SweepOutputs.PLAN), definition.planCsv(), StandardCharsets.UTF_8);
    out.printf(
        Locale.ROOT,
        "sweep %s: %d runs%s, %d at once; results in %s%n",
        definition.id(),
        definition.size(),
        part.isAll() ? "" : " (shard " + part.k() + "/" + part.n() + ": " + runs.size() + ")",
        atOnce,
        dir);
    out.flush();

    SweepProgress progress = new SweepProgress(out, runs.size());
    List<String> extra = classDataSharing ? List.of() : List.of("--no-class-data-sharing");
    SweepRunner runner = new SweepRunner(dir, extra, atOnce, progress);
    String[] signal = new String[1];
    for (String name : List.of("INT", "TERM", "HUP")) {
      SignalTrap.handle(
          name,
          () -> {
            signal[0] = name;
            runner.stop();
          });
    }
    if (!runner.run(definition, runs)) {
      out.println(
          "sweep " + definition.id() + " stopped (SIG" + signal[0] + "); run it again to resume");
      out.flush();
      return "INT".equals(signal[0]) ? 130 : "HUP".equals(signal[0]) ? 129 : 143;
    }
    List<String> written;
    try {
      written = SweepOutputs.write(dir, definition.names(), SweepOutputs.lines(dir, runs), part);
    } catch (IOException e) {
      throw new CommandFailure(1, "could not write the summary in " + dir + ": " + e.getMessage());
    }
    int failed = progress.failed();
    out.printf(
        Locale.ROOT,
        "sweep %s %s: %d runs, %d failed; in %s: %s%n",
        definition.id(),
        failed == 0 ? "completed" : "failed",
        runs.size(),
        failed,
        dir,
        String.join(", ", written));
    out.flush();
    return failed == 0 ? 0 : 1;
  }

  private void checkSize(SweepDefinition definition) {
    long size = definition.size();
    if (size > MAX_RUNS) {
      throw new IllegalArgumentException(
          "the sweep has "
              + (size == Long.MAX_VALUE ? "too many" : Long.toString(size))
              + " runs; at most "
              + MAX_RUNS);
    }
    if (size > CONFIRM_ABOVE && !yes) {
      throw new IllegalArgumentException(
          "the sweep has "
              + size
              + " runs, over "
              + CONFIRM_ABOVE
              + "; add --yes to run them (--shard K/N splits them over machines)");
    }
  }

  /**
   * A sweep's config file holds the sweep's options only: a simulate option there would be silently
   * unused, so it is refused with the way to set it.
   */
  private void checkConfigKeys() {
    if (!(spec.defaultValueProvider() instanceof ConfigDefaults defaults)) {
      return;
    }
    for (String key : defaults.file().entries().keySet()) {
      String bare = key.startsWith("sweep.") ? key.substring("sweep.".length()) : key;
      if (bare.contains(".")) {
        continue;
      }
      if (spec.findOption("--" + ConfigKeys.bare(bare)) == null) {
        throw new IllegalArgumentException(
            "config file "
                + defaults.file().path()
                + ": key '"
                + key
                + "' is not a sweep option; to set a simulate option in every run, write vary="
                + bare
                + "=VALUE");
      }
    }
  }
}

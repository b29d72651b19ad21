package energy.market.launcher.bench;

import energy.market.launcher.simulate.ChildClassPath;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench start}: journey J1's start and stop as its user sees them, {@code ./energy-market}
 * from the command to its first day and from its last day to its exit, with the CPU all of the
 * run's processes used before day 1 (on a small machine that CPU, not any one wait, sets the time).
 */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = {
      "Measures how fast a whole simulation starts and stops: runs the energy-market script of"
          + " this build (or --command) with SIMULATE_OPTION... (none: the default run of 30"
          + " days) to its end, and times it from its start to its 'day 1:' line, with the CPU"
          + " every process of the run had used by then, and from its last day's line to its"
          + " exit. After each run, as many bare JVMs as the run had processes start at once"
          + " (java -version), the machine's own figure, timed to their exit. The first run"
          + " after a build makes the class-data archives and is slower: --warm-up-runs are run"
          + " first and not counted.",
      ""
    })
public final class StartBench implements Callable<Integer> {
  /** The script {@code energy-market} of a checkout, from the launcher jar under it. */
  private static final String SCRIPT = "energy-market";

  @Spec CommandSpec spec;

  @Option(
      names = "--command",
      paramLabel = "PROGRAM",
      description =
          "The program to run (default: the energy-market script of the checkout whose"
              + " launcher/target holds this launcher's jar).")
  Path program;

  @Option(
      names = "--warm-up-runs",
      paramLabel = "N",
      description = "Runs before the measured ones, not counted (default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  int warmUpRuns;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description =
          "How long one run may take before it is stopped and the bench fails"
              + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "300")
  int timeoutSeconds;

  @Option(
      names = "--no-baseline",
      description =
          "Skip the machine's own figure measured after each run: as many bare JVMs started at"
              + " once as the run had processes at day 1, timed to their exit, printed with the"
              + " ratio of day 1 to it (default: measured).")
  boolean noBaseline;

  @Mixin RunsOption runs;

  @Parameters(
      paramLabel = "SIMULATE_OPTION",
      arity = "0..*",
      description = "Options of the run, after -- (for example -- --days 3 --day-length 1s).")
  List<String> simulateOptions = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (runs.runs < 1 || warmUpRuns < 0 || timeoutSeconds < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "--runs and --timeout must be >= 1 and --warm-up-runs >= 0; got --runs "
              + runs.runs
              + ", --timeout "
              + timeoutSeconds
              + ", --warm-up-runs "
              + warmUpRuns);
    }
    if (simulateOptions.contains("--headless")) {
      throw new ParameterException(
          spec.commandLine(),
          "--headless prints a progress bar, not the 'day N:' lines this bench times; leave it out"
              + " (the live view prints one line a day when its output is not a terminal)");
    }
    Path script = program != null ? program : checkoutScript().orElse(null);
    if (script == null) {
      throw new ParameterException(
          spec.commandLine(),
          "this launcher does not run from a checkout's launcher/target jar, so there is no"
              + " energy-market script to run; name one with --command");
    }
    if (!Files.isExecutable(script)) {
      throw new ParameterException(
          spec.commandLine(), "--command " + script + " is not an executable file");
    }
    List<String> command = new ArrayList<>(List.of(script.toString()));
    command.addAll(simulateOptions);
    PrintWriter out = spec.commandLine().getOut();
    out.println("start: " + String.join(" ", command));
    Duration timeout = Duration.ofSeconds(timeoutSeconds);
    RunSummary summary = new RunSummary();
    try {
      for (int run = 1; run <= warmUpRuns; run++) {
        Figures figures = new StartRun(command, timeout).measure();
        out.printf(Locale.ROOT, "warm-up %d/%d: %s%n", run, warmUpRuns, figures);
        out.flush();
      }
      for (int run = 1; run <= runs.runs; run++) {
        Figures figures = new StartRun(command, timeout).measure();
        if (!noBaseline) {
          figures.put("JVMs at once s", JvmStarts.seconds((int) figures.get("processes")));
          figures.putRatio("day 1 s", "JVMs at once s");
        }
        out.printf(Locale.ROOT, "run %d/%d: %s%n", run, runs.runs, figures);
        out.flush();
        summary.add(figures);
      }
    } catch (IOException e) {
      // A run that failed (with its last lines), or a bare JVM that did not start.
      PrintWriter err = spec.commandLine().getErr();
      err.println("bench start: " + e.getMessage());
      err.flush();
      return 1;
    }
    summary.print(out);
    return 0;
  }

  /** The checkout's script, when this launcher runs from CHECKOUT/launcher/target/JAR. */
  static Optional<Path> checkoutScript() {
    return ChildClassPath.singleJar(System.getProperty("java.class.path", ""))
        .map(jar -> jar.toAbsolutePath().resolveSibling("../../" + SCRIPT).normalize())
        .filter(Files::isExecutable);
  }
}

package energy.market.launcher.simulate;

import energy.market.client.Durations;
import energy.market.client.OperatorToken;
import energy.market.client.cli.ComfortBandOptions;
import energy.market.client.cli.SeedOption;
import energy.market.external.EventCatalog;
import energy.market.external.ExternalCommand;
import energy.market.launcher.SignalTrap;
import energy.market.launcher.config.ConfigDefaults;
import energy.market.launcher.view.Views;
import energy.market.server.MarketRunOptions;
import energy.market.server.price.PriceParameters;
import energy.market.weather.WeatherModelOptions;
import energy.market.weather.shm.WeatherFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code energy-market simulate}: every participant as its own process, watched to the end. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    version = "energy-market 0.1.0",
    description = {
      "Runs a whole simulation on this machine: the market, the weather daemon, the external"
          + " daemon (random events) and the homes, each an OS process started from this"
          + " launcher, all on 127.0.0.1. Waits until each is up (gRPC health for the servers),"
          + " shows the live view (a progress bar with --headless), and when the last day has"
          + " closed, on Ctrl-C or when a process dies, stops them all in order and writes"
          + " results/RUN-ID/: prices.csv, homes.csv, the market's ledger, run.json (every"
          + " parameter, to replay the run) and prices.png.",
      "Exit codes: 0 every day closed; 1 a process died or did not start; 2 bad options;"
          + " 130 Ctrl-C (SIGINT); 143 SIGTERM; 129 SIGHUP. A second Ctrl-C kills the processes"
          + " at once.",
      ""
    },
    footer = {
      "",
      "Config file (--config FILE): a properties file of option defaults. Keys are the long"
          + " option names without the dashes (gamma=0.9, days=365, production=20-80), optionally"
          + " prefixed by a command name to apply to that command only (market.day-length=0,"
          + " home.policy=always-sell); simulate also takes the keys of the roles it passes"
          + " options on to (market., home., weather., external.). Flags win over the file. An"
          + " unknown key or a value an option refuses stops the command before anything starts"
          + " (exit 2)."
    })
public final class SimulateCommand implements Callable<Integer> {
  /** Without --headless, one day every this long: slow enough to watch (as the help says it). */
  static final String WATCHABLE_DAY_TEXT = "500ms";

  /** {@link #WATCHABLE_DAY_TEXT} as a duration. */
  static final Duration WATCHABLE_DAY = Durations.parse(WATCHABLE_DAY_TEXT);

  /** Without --home-processes, one process per home up to this many processes. */
  static final int DEFAULT_MAX_PROCESSES = 8;

  @Spec CommandSpec spec;

  @Option(
      names = "--homes",
      paramLabel = "N",
      description = "Number of homes (default: ${DEFAULT-VALUE}).",
      defaultValue = "8")
  int homes;

  @Option(
      names = "--home-processes",
      paramLabel = "K",
      description =
          "Home processes the homes are spread over; 0 for one process per home, at most "
              + DEFAULT_MAX_PROCESSES
              + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "0")
  int homeProcesses;

  @Option(
      names = "--days",
      paramLabel = "N",
      description = "Days to simulate (default: ${DEFAULT-VALUE}).",
      defaultValue = "30")
  long days;

  @Mixin SeedOption seed;

  @Option(
      names = "--day-length",
      paramLabel = "DURATION",
      converter = Durations.class,
      description =
          "Wall-clock length of a day, for example 200ms or 2s; 0 runs days as fast as the "
              + "processes allow (default: "
              + WATCHABLE_DAY_TEXT
              + ", or 0 with --headless).")
  Duration dayLength;

  @Option(
      names = "--headless",
      description =
          "No live view: a progress bar, and days as fast as possible unless --day-length is "
              + "given (default: off).")
  boolean headless;

  @Option(
      names = "--results-dir",
      paramLabel = "DIR",
      description = "Where each run writes its RUN-ID directory (default: ${DEFAULT-VALUE}).",
      defaultValue = "results")
  Path resultsDir;

  @Option(
      names = "--run-id",
      paramLabel = "ID",
      description =
          "Name of the run's results directory (default: the UTC start time and the seed, for "
              + "example 20260101-120000-s1).")
  String runId;

  @Option(
      names = "--market-port",
      paramLabel = "PORT",
      description =
          "The market's port on 127.0.0.1, for grpcurl or watch during the run; 0 picks a free "
              + "one, printed at start (default: ${DEFAULT-VALUE}).",
      defaultValue = "0")
  int marketPort;

  @Option(
      names = "--probability",
      paramLabel = "KIND=P",
      split = ",",
      description =
          "Daily probability (0 to 1) of a random event kind, for example storm=0.02; "
              + "repeatable or comma-separated (default: "
              + ExternalCommand.DEFAULT_PROBABILITIES
              + ").")
  List<String> probabilities = new ArrayList<>();

  @Option(
      names = "--startup-timeout",
      paramLabel = "DURATION",
      converter = Durations.class,
      description = "How long each process may take to come up (default: ${DEFAULT-VALUE}).",
      defaultValue = "60s")
  Duration startupTimeout;

  @Option(
      names = "--stop-grace",
      paramLabel = "DURATION",
      converter = Durations.class,
      description =
          "How long a process may take to stop after SIGTERM before it is killed; the market gets"
              + " twice as long (default: "
              + "${DEFAULT-VALUE}).",
      defaultValue = "5s")
  Duration stopGrace;

  @Option(
      names = "--class-data-sharing",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Share the processes' class data through an archive cached in ~/.cache/energy-market,"
              + " made by the first run of a jar, which about halves each process's start-up;"
              + " --no-class-data-sharing to start them plainly (default: ${DEFAULT-VALUE}).")
  boolean classDataSharing;

  @Option(
      names = "--tls",
      description =
          "Run every connection over mutual TLS, with a CA and certificates made for the run in"
              + " RUN-DIR/"
              + RunTls.DIR
              + " (default: off).")
  boolean tls;

  @Mixin(name = "home")
  HomeModelOptions home = new HomeModelOptions();

  @Mixin(name = "market")
  MarketRunOptions market = new MarketRunOptions();

  @Mixin(name = "weather")
  WeatherModelOptions weather = new WeatherModelOptions();

  /**
   * For each option that simulate passes on to its children, the roles that get it, in order. The
   * config file's {@code role.option} keys apply to these options too.
   */
  public static Map<String, List<String>> forwardedRoles(CommandSpec spec) {
    Map<String, List<String>> roles = new TreeMap<>();
    for (OptionSpec option : spec.mixins().get("market").options()) {
      roles.put(option.longestName(), List.of("market"));
    }
    // The homes heat and cool with the comfort band the market prices.
    for (OptionSpec option : CommandSpec.forAnnotatedObject(new ComfortBandOptions()).options()) {
      roles.put(option.longestName(), List.of("market", "home"));
    }
    for (OptionSpec option : spec.mixins().get("weather").options()) {
      roles.put(option.longestName(), List.of("weather"));
    }
    for (OptionSpec option : spec.mixins().get("home").options()) {
      roles.put(option.longestName(), List.of("home"));
    }
    roles.put("--probability", List.of("external"));
    return roles;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    RunSettings run = validate();
    Files.createDirectories(run.runDir().resolve("logs"));
    out.printf(
        Locale.ROOT,
        "run %s: %d homes in %d processes, %d days, seed %d, %s; results in %s%n",
        run.runId(),
        run.homes(),
        run.shares().size(),
        run.days(),
        run.seed(),
        run.dayLength().isZero()
            ? "days as fast as possible"
            : "a day every " + Durations.format(run.dayLength()),
        run.runDir());
    out.flush();
    RunTls runTls = tls ? RunTls.makeIn(run.runDir()) : RunTls.PLAINTEXT;
    Simulation simulation =
        new Simulation(
            run,
            runTls,
            OperatorToken.newToken(),
            startupTimeout,
            stopGrace,
            classDataSharing,
            title ->
                headless ? Views.progress(out, run.days()) : Views.live(out, title, run.days(), 60),
            out);
    SignalTrap.handle("INT", () -> simulation.signal("INT"));
    SignalTrap.handle("TERM", () -> simulation.signal("TERM"));
    // A closed terminal hangs up: stop as cleanly as on Ctrl-C.
    SignalTrap.handle("HUP", () -> simulation.signal("HUP"));
    RunResult result = simulation.run();
    List<String> files;
    try {
      files = RunReport.write(run, result, EffectiveOptions.all(spec), replay(run), configFile());
    } catch (IOException e) {
      spec.commandLine()
          .getErr()
          .println("simulate: could not write the results: " + e.getMessage());
      return 1;
    }
    return result.summarize(out, run, files);
  }

  /**
   * Checks a simulate command line as simulate would before starting anything, without starting
   * anything: for commands that run many simulations and must refuse a bad one up front.
   *
   * @param args the options, without the command name
   * @throws IllegalArgumentException with simulate's one-line message
   */
  public static void check(List<String> args) {
    CommandLine line = new CommandLine(new SimulateCommand());
    try {
      line.parseArgs(args.toArray(String[]::new));
      ((SimulateCommand) line.getCommand()).validate();
    } catch (ParameterException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  /** Checks every option as the children will read them, before anything starts. */
  RunSettings validate() {
    try {
      if (homes < 0 || homes > 1_000_000) {
        throw new IllegalArgumentException("--homes " + homes + " is out of range 0..1000000");
      }
      int processes = homeProcesses == 0 ? Math.min(homes, DEFAULT_MAX_PROCESSES) : homeProcesses;
      if (homes > 0 && (processes < 1 || processes > Math.min(homes, 1000))) {
        throw new IllegalArgumentException(
            "--home-processes "
                + homeProcesses
                + " is out of range 1.."
                + Math.min(homes, 1000)
                + " for "
                + homes
                + " homes (0 picks one per home, at most "
                + DEFAULT_MAX_PROCESSES
                + ")");
      }
      if (days < 1 || days > 100_000) {
        throw new IllegalArgumentException("--days " + days + " is out of range 1..100000");
      }
      if (marketPort < 0 || marketPort > 65535) {
        throw new IllegalArgumentException(
            "--market-port " + marketPort + " is out of range 0..65535");
      }
      Duration length = dayLength != null ? dayLength : headless ? Duration.ZERO : WATCHABLE_DAY;
      if (startupTimeout.isZero() || stopGrace.isZero()) {
        throw new IllegalArgumentException("--startup-timeout and --stop-grace must be above 0");
      }
      market.check(seed.seed(), length, days);
      weather.toParameters();
      PriceParameters price = market.price().parameters();
      home.validate(seed.seed(), price.comfortLowCelsius(), price.comfortHighCelsius());
      EventCatalog.defaults().withProbabilities(probabilities);
      String id = RunIds.pick(runId, resultsDir, seed.seed(), LocalDateTime.now(ZoneOffset.UTC));
      Path runDir = resultsDir.resolve(id);
      RunSettings run =
          new RunSettings(
              id,
              seed.seed(),
              days,
              homes,
              HomeShare.split(homes, homes == 0 ? 0 : processes),
              home.namePrefix,
              runDir,
              WeatherFile.defaultPath().resolveSibling("energy-market-" + id),
              marketPort,
              length,
              forwarded());
      ChildArguments.check(run);
      return run;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The model options each role gets, as {@code --name=value} exactly as given. */
  private Map<String, List<String>> forwarded() {
    Map<String, List<String>> byRole = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> entry : forwardedRoles(spec).entrySet()) {
      OptionSpec option = spec.findOption(entry.getKey());
      for (String value : EffectiveOptions.values(spec, option)) {
        for (String role : entry.getValue()) {
          byRole.computeIfAbsent(role, r -> new ArrayList<>()).add(entry.getKey() + "=" + value);
        }
      }
    }
    return byRole;
  }

  /** The simulate command line that replays this run, with every option spelled out. */
  List<String> replay(RunSettings run) {
    return EffectiveOptions.replay(spec, run.dayLength());
  }

  private Path configFile() {
    return spec.defaultValueProvider() instanceof ConfigDefaults defaults
        ? defaults.file().path()
        : null;
  }
}

package energy.market.home;

import energy.market.client.Logging;
import energy.market.client.cli.ClientTlsOptions;
import energy.market.client.cli.ComfortBandOptions;
import energy.market.client.cli.MarketAddressOption;
import energy.market.client.cli.SeedOption;
import energy.market.weather.shm.WeatherFile;
import energy.market.weather.source.TemperatureSources;
import energy.market.weather.source.WeatherSourceKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code energy-market home}: one home, or many, in one process. */
@Command(
    name = "home",
    mixinStandardHelpOptions = true,
    version = "energy-market 0.1.0",
    description = {
      "Runs homes that produce, consume, give, sell and buy energy every day: one home "
          + "(--name), a list of homes (--name repeated) or many (--count). All homes of the "
          + "process share one session with the market, one message per phase. A home is known "
          + "at the market by its name and a secret made from the key in --state-dir, so the "
          + "same command started again resumes the same homes. Leaves the market cleanly on "
          + "Ctrl-C or SIGTERM.",
      "Exit codes: 0 took part in its --days; 1 its homes could not take part (none could"
          + " register); 2 bad options; 130 Ctrl-C (SIGINT); 143 SIGTERM.",
      ""
    })
public final class HomeCommand implements Callable<Integer> {
  /** How many homes print a line of their own each day before the process prints a summary. */
  static final int MAX_HOME_LINES = 10;

  @Spec CommandSpec spec;

  @Mixin MarketAddressOption market;

  /** One TLS configuration for the market and the weather daemon's stream: one CA signs both. */
  @Mixin ClientTlsOptions tlsOptions;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description =
          "A home's name (1 to 64 letters, digits, '.', '-', '_'); repeat for several homes "
              + "(default: none; without --name or --count, one home named PREFIX-1).")
  List<String> names = new ArrayList<>();

  @Option(
      names = "--count",
      paramLabel = "N",
      description =
          "Run N homes named PREFIX-INDEX, INDEX from --first-index (default: ${DEFAULT-VALUE}"
              + " when no --name is given).",
      defaultValue = "0")
  int count;

  @Option(
      names = "--name-prefix",
      paramLabel = "PREFIX",
      description = "Prefix of generated names (default: ${DEFAULT-VALUE}).",
      defaultValue = "home")
  String prefix;

  @Option(
      names = "--first-index",
      paramLabel = "K",
      description =
          "Index of the first generated name, so that several processes can share out one "
              + "range of homes (default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  int firstIndex;

  @Option(
      names = "--policy",
      paramLabel = "POLICY|MIX",
      description =
          "Trade policy: always-sell, always-give or sell-if-no-takers; or a mix by shares such "
              + "as always-sell=2,sell-if-no-takers=1 (default: ${DEFAULT-VALUE}).",
      defaultValue = "sell-if-no-takers")
  String policy;

  @Mixin SeedOption seed;

  @Mixin HomeEnergyOptions energy;

  @Mixin ComfortBandOptions comfort;

  @Option(
      names = "--days",
      paramLabel = "N",
      description =
          "Leave after day N closed; 0 to stay until stopped (default: ${DEFAULT-VALUE}).",
      defaultValue = "0")
  long days;

  @Option(
      names = "--weather",
      paramLabel = "SOURCE",
      converter = WeatherSourceKind.Converter.class,
      description =
          "Where the day's temperature comes from: auto (the weather daemon's shared-memory file "
              + "when this machine has a fresh one, else its stream, else the market), shm, "
              + "stream or market (default: ${DEFAULT-VALUE}).",
      defaultValue = "auto")
  WeatherSourceKind weather;

  @Option(
      names = "--weather-address",
      paramLabel = "HOST:PORT",
      description =
          "The weather daemon's gRPC address for the stream (default: the market's host, port "
              + TemperatureSources.DEFAULT_WEATHER_PORT
              + ").")
  String weatherAddress;

  @Option(
      names = "--shm-file",
      paramLabel = "PATH",
      description = "The weather daemon's shared-memory file (default: ${DEFAULT-VALUE}).")
  Path shmFile = WeatherFile.defaultPath();

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "Where the homes' key is kept (file "
              + HomeSecrets.KEY_FILE
              + ", created on first use, readable by its owner only). The homes' secret is made "
              + "from it: started again with the same name and state directory, a home is the "
              + "same home at the market, with its account. Another directory makes other "
              + "homes, whose names must then be new to the market "
              + "(default: $XDG_STATE_HOME/energy-market, else ~/.local/state/energy-market; "
              + "here ${DEFAULT-VALUE}).")
  Path stateDir = HomeSecrets.defaultDirectory();

  @Option(
      names = "--registration-token-file",
      paramLabel = "FILE",
      description =
          "The registration token of a market that runs --registration token (its"
              + " DATA-DIR/registration-token, copied here by its operator); not needed where"
              + " registration is open (default: none).")
  Path registrationTokenFile;

  @Option(
      names = "--print",
      paramLabel = "WHAT",
      description =
          "Per-day output: homes (a line per home), summary (a line per process), none, or auto "
              + "(homes up to "
              + MAX_HOME_LINES
              + " homes) (default: ${DEFAULT-VALUE}).",
      defaultValue = "auto")
  String print;

  @Override
  public Integer call() throws Exception {
    Logging.configure(Level.INFO);
    HomeProcess process;
    try {
      process = HomeProcess.open(settings());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    return process.run(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /**
   * The settings of a process started with {@code args}, read as this command reads them; for a
   * launcher that starts home processes with their settings instead of a command line. Reading
   * several, use one {@link SettingsReader}: it builds the option model once.
   *
   * @throws picocli.CommandLine.ParameterException for an option this command refuses
   */
  public static HomeSettings settings(List<String> args) {
    return new SettingsReader().read(args);
  }

  /** Reads home settings from command lines, with one option model for all of them. */
  public static final class SettingsReader {
    private final HomeCommand command = new HomeCommand();
    private final CommandLine commandLine = new CommandLine(command);

    /**
     * The settings {@code args} ask for; every option not in them has its default, whatever an
     * earlier read gave it.
     *
     * @throws picocli.CommandLine.ParameterException for an option the home command refuses
     */
    public HomeSettings read(List<String> args) {
      commandLine.parseArgs(args.toArray(String[]::new));
      try {
        return command.settings();
      } catch (IllegalArgumentException e) {
        throw new ParameterException(commandLine, e.getMessage());
      }
    }
  }

  /**
   * What the options ask for.
   *
   * @throws IllegalArgumentException naming the option that is wrong and what is allowed
   */
  HomeSettings settings() {
    tlsOptions.check();
    List<String> homeNames = HomeNames.of(names, count, prefix, firstIndex);
    return new HomeSettings(
        market.address(),
        tlsOptions.trustedCa(),
        tlsOptions.certificate(),
        tlsOptions.key(),
        homeNames,
        policy,
        seed.seed(),
        energy.parameters(comfort.low(), comfort.high()),
        days,
        weather,
        weatherAddress,
        shmFile,
        stateDir,
        registrationTokenFile,
        printMode(homeNames.size()));
  }

  private String printMode(int homes) {
    String mode = print.toLowerCase(Locale.ROOT);
    if (mode.equals("auto")) {
      return homes <= MAX_HOME_LINES ? "homes" : "summary";
    }
    if (!HomeSettings.PRINT_MODES.contains(mode)) {
      throw new IllegalArgumentException(
          "--print " + print + " is not allowed; use auto, homes, summary or none");
    }
    return mode;
  }
}

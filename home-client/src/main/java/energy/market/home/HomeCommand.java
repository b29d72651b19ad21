package energy.market.home;

import energy.market.client.Channels;
import energy.market.client.ClientTls;
import energy.market.client.Logging;
import energy.market.client.MarketAddress;
import energy.market.client.ShutdownHook;
import energy.market.client.cli.ClientTlsOptions;
import energy.market.client.cli.ComfortBandOptions;
import energy.market.client.cli.CommandFailure;
import energy.market.client.cli.MarketAddressOption;
import energy.market.client.cli.SeedOption;
import energy.market.home.client.HomeSession;
import energy.market.weather.shm.WeatherFile;
import energy.market.weather.source.TemperatureSources;
import energy.market.weather.source.WeatherSourceKind;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
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
  /** How long a home waits for the weather source to show the day before using the market's. */
  static final Duration WEATHER_WAIT = Duration.ofMillis(300);

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
    PrintWriter out = spec.commandLine().getOut();
    MarketAddress address = market.address();
    Fleet fleet;
    String printMode;
    HomeSecrets secrets;
    String registrationToken;
    ClientTls tls;
    try {
      tls = tlsOptions.resolve();
      HomeParameters parameters = energy.parameters(comfort.low(), comfort.high());
      PolicyMix mix = PolicyMix.parse(policy, seed.seed());
      List<String> homeNames = HomeNames.of(names, count, prefix, firstIndex);
      printMode = printMode(homeNames.size());
      if (days < 0) {
        throw new IllegalArgumentException("--days " + days + " is negative; use 0 for no limit");
      }
      secrets = openSecrets();
      registrationToken = readRegistrationToken();
      fleet = new Fleet(new EnergyModel(seed.seed(), parameters), homes(homeNames, mix, secrets));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }

    String weatherTarget =
        weatherAddress != null
            ? MarketAddress.parse(weatherAddress).target()
            : new MarketAddress(address.host(), TemperatureSources.DEFAULT_WEATHER_PORT).target();
    WeatherTemperature temperature =
        new WeatherTemperature(
            TemperatureSources.open(weather, shmFile, weatherTarget, tls, line -> info(out, line)),
            WEATHER_WAIT,
            line -> info(out, line));
    ManagedChannel channel = Channels.open(address, tls);
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    HomeSession session =
        new HomeSession(
            channel,
            fleet,
            temperature,
            "home-client pid " + ProcessHandle.current().pid(),
            new HomeSession.Listener() {
              private long daysTakenPart;

              @Override
              public void dayClosed(DayClosed day) {
                if (!fleet.takesPart(day.day())) {
                  return;
                }
                printDay(out, fleet, day, printMode);
                if (days > 0 && ++daysTakenPart >= days) {
                  exit.complete(0);
                }
              }

              @Override
              public void info(String message) {
                HomeCommand.info(out, message);
              }

              @Override
              public void fatal(String message) {
                spec.commandLine().getErr().println("home-client: " + message);
                spec.commandLine().getErr().flush();
                exit.complete(1);
              }
            },
            registrationToken);
    out.println(
        "home-client: "
            + fleet.homes().size()
            + " homes, market "
            + address
            + ", pid "
            + ProcessHandle.current().pid());
    out.flush();
    if (secrets.created()) {
      info(out, "new key " + secrets.keyFile() + ": keep it to keep these homes");
    }
    ShutdownHook hook =
        ShutdownHook.install(
            "home-client-shutdown",
            () -> {
              session.close();
              channel.shutdown();
              temperature.close();
              System.err.println("home-client: left the market");
            });
    session.start();
    int code = exit.join();
    if (!hook.remove()) {
      // A signal arrived as the last day closed: the hook is running and leaves the market.
      return code;
    }
    session.close();
    channel.shutdown().awaitTermination(5, TimeUnit.SECONDS);
    temperature.close();
    return code;
  }

  private static void info(PrintWriter out, String message) {
    synchronized (out) {
      out.println("home-client: " + message);
      out.flush();
    }
  }

  /** The registration token from its file, or null when none is given. */
  private String readRegistrationToken() {
    if (registrationTokenFile == null) {
      return null;
    }
    try {
      String token = Files.readString(registrationTokenFile, StandardCharsets.UTF_8).trim();
      if (token.isEmpty() || token.length() > 256) {
        throw new IllegalArgumentException(
            "--registration-token-file "
                + registrationTokenFile
                + " does not hold a token (one line of at most 256 characters)");
      }
      return token;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--registration-token-file " + registrationTokenFile + " cannot be read: " + e);
    }
  }

  /** The homes' secrets; a key file that cannot be used ends the command with exit code 2. */
  private HomeSecrets openSecrets() {
    try {
      return HomeSecrets.open(stateDir);
    } catch (UnusableKeyFileException e) {
      throw new CommandFailure(2, e.getMessage());
    }
  }

  private static List<Home> homes(List<String> names, PolicyMix mix, HomeSecrets secrets) {
    List<Home> homes = new ArrayList<>(names.size());
    for (String name : names) {
      homes.add(new Home(name, mix.policyFor(name), secrets.secret()));
    }
    return homes;
  }

  private String printMode(int homes) {
    return switch (print.toLowerCase(Locale.ROOT)) {
      case "auto" -> homes <= MAX_HOME_LINES ? "homes" : "summary";
      case "homes", "summary", "none" -> print.toLowerCase(Locale.ROOT);
      default ->
          throw new IllegalArgumentException(
              "--print " + print + " is not allowed; use auto, homes, summary or none");
    };
  }

  private static void printDay(PrintWriter out, Fleet fleet, DayClosed day, String mode) {
    switch (mode) {
      case "homes" -> {
        for (Home home : fleet.homes()) {
          if (home.day() == day.day()) {
            out.println(home.dayLine());
          }
        }
      }
      case "summary" -> out.println(fleet.dayLine(day.day(), day.temperatureCelsius()));
      default -> {
        return;
      }
    }
    out.flush();
  }
}

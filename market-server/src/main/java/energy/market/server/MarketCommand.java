package energy.market.server;

import energy.market.client.Channels;
import energy.market.client.Durations;
import energy.market.client.EventLoops;
import energy.market.client.Logging;
import energy.market.client.MarketAddress;
import energy.market.client.ServerTls;
import energy.market.client.cli.CommandFailure;
import energy.market.client.cli.SeedOption;
import energy.market.client.cli.ServerTlsOptions;
import energy.market.server.access.Registration;
import energy.market.server.engine.MarketSettings;
import energy.market.server.grpc.InboundGuard;
import energy.market.server.ledger.SqliteLedger;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code energy-market market}: runs the market server until it is stopped. */
@Command(
    name = "market",
    mixinStandardHelpOptions = true,
    version = "energy-market 0.1.0",
    description = {
      "Runs the market server: the day clock, the gift broker, the bounded trade executor, "
          + "the price model, the ledger and the price feed (energy.market.v1, with health and "
          + "reflection). Stops cleanly on Ctrl-C or SIGTERM. With an existing ledger in "
          + "--data-dir it resumes after the last closed day, keeping the run's seed, price "
          + "model and events (an option that contradicts them is refused).",
      "Exit codes: 0 its --days ran (with --exit-when-done); 1 could not start (a port in use, a"
          + " data directory or ledger that cannot be written) or stopped because its ledger"
          + " could not write; 2 bad options, or a ledger it refuses (not a ledger, a value it"
          + " cannot read, accounts that do not add up, an option that contradicts the run); 130"
          + " Ctrl-C (SIGINT); 143 SIGTERM.",
      ""
    })
public final class MarketCommand implements Callable<Integer> {
  /**
   * The largest message the transport reads: a session's batch ({@link
   * InboundGuard#SESSION_MESSAGE_BYTES}); every other method has its own smaller limit, checked by
   * the {@link InboundGuard}. A larger message is refused from its length prefix, before it is
   * buffered.
   */
  public static final int MAX_MESSAGE_BYTES = InboundGuard.SESSION_MESSAGE_BYTES;

  /**
   * The most calls one connection may have open at once: a process of homes that follow their
   * sessions one home a stream, plus their calls in flight.
   */
  public static final int MAX_CALLS_PER_CONNECTION = 4096;

  /** How long a connection with no open call is kept before the market closes it. */
  static final Duration MAX_CONNECTION_IDLE = Duration.ofMinutes(5);

  /** How often the market pings a quiet connection to find peers that vanished. */
  static final Duration KEEPALIVE_TIME = Duration.ofMinutes(1);

  /** How long a ping may go unanswered before the connection is closed. */
  static final Duration KEEPALIVE_TIMEOUT = Duration.ofSeconds(20);

  /** The registration token's file name in the data directory. */
  public static final String REGISTRATION_TOKEN_FILE = "registration-token";

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + MarketAddress.DEFAULT_PORT)
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}, this machine only); 0.0.0.0 for"
              + " every interface, IPv4 and IPv6, so that homes on other machines can join.",
      defaultValue = "127.0.0.1")
  String bind;

  @Mixin ServerTlsOptions tlsOptions;

  @Option(
      names = "--day-length",
      converter = Durations.class,
      paramLabel = "DURATION",
      description =
          "Wall-clock length of a simulated day, for example 500ms or 2s; 0 runs days as fast "
              + "as the participants allow (default: ${DEFAULT-VALUE}).",
      defaultValue = "2s")
  Duration dayLength;

  @Option(
      names = "--days",
      paramLabel = "N",
      description =
          "Stop the day clock after day N; 0 for no limit. Days count from the run's first day, "
              + "so a resumed run stops at the same day (default: ${DEFAULT-VALUE}).",
      defaultValue = "0")
  long days;

  @Option(
      names = "--exit-when-done",
      description =
          "Exit once the --days have run, instead of serving on until stopped (default: off).")
  boolean exitWhenDone;

  @Mixin SeedOption seed;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Directory for the market's files: the ledger (ledger.db, SQLite) and the operator "
              + "token (default: ${DEFAULT-VALUE}).",
      defaultValue = "data")
  Path dataDir;

  @Option(
      names = "--operator-token",
      paramLabel = "TOKEN",
      description =
          "Secret that daemons present to report weather and events (default: the "
              + "ENERGY_MARKET_OPERATOR_TOKEN variable, else DATA-DIR/operator-token, created "
              + "with a random token if missing).")
  String operatorToken;

  /** Whether strangers may register homes. */
  enum RegistrationMode {
    open,
    token
  }

  @Option(
      names = "--registration",
      paramLabel = "MODE",
      description =
          "Who may register homes: open (anyone who reaches the market) or token (only callers"
              + " presenting the registration token, or the operator), for deployments where"
              + " strangers must not join (default: ${DEFAULT-VALUE}).",
      defaultValue = "open")
  RegistrationMode registration;

  @Option(
      names = "--registration-token-file",
      paramLabel = "FILE",
      description =
          "With --registration token: the file holding the registration token, created with a"
              + " random token, readable by its owner only, if missing; homes read it with"
              + " home --registration-token-file (default: DATA-DIR/"
              + REGISTRATION_TOKEN_FILE
              + ").")
  Path registrationTokenFile;

  @Option(
      names = "--registrations-per-second",
      paramLabel = "N",
      description =
          "Registrations one client address may make per second once its burst is used"
              + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "100")
  double registrationsPerSecond;

  @Option(
      names = "--registration-burst",
      paramLabel = "N",
      description =
          "Registrations one client address may make at once, so a whole fleet registers"
              + " together (default: ${DEFAULT-VALUE}).",
      defaultValue = "20000")
  int registrationBurst;

  @Option(
      names = "--max-missed-days",
      paramLabel = "N",
      description =
          "Consecutive days a connected home may miss before it is dropped (default: "
              + "${DEFAULT-VALUE}).",
      defaultValue = MarketRunOptions.DEFAULT_MAX_MISSED_DAYS)
  int maxMissedDays;

  @Option(
      names = "--feed-max-lag",
      paramLabel = "N",
      description =
          "Ticks a price-feed subscriber may fall behind before it is dropped (default: "
              + "${DEFAULT-VALUE}).",
      defaultValue = MarketRunOptions.DEFAULT_FEED_MAX_LAG)
  int feedMaxLag;

  @Option(names = "--verbose", description = "Log every phase and session change (default: off).")
  boolean verbose;

  @Option(
      names = "--await-homes",
      paramLabel = "N",
      description =
          "Open day 1 only once N homes are connected, so that every home takes part from the "
              + "first day (default: ${DEFAULT-VALUE}, start at once).",
      defaultValue = "0")
  int awaitHomes;

  @Option(
      names = "--await-daemons",
      paramLabel = "N",
      description =
          "Open day 1 only once N daemons (weather, external) are connected (default: "
              + "${DEFAULT-VALUE}).",
      defaultValue = "0")
  int awaitDaemons;

  @Mixin(name = "run")
  MarketRunOptions run = new MarketRunOptions();

  /**
   * Starts loading, on a thread of its own, what the market's start needs once its options are
   * read: SQLite's native library and driver, Netty's server transport and event loops. The main
   * thread meanwhile reads the options (picocli reads every option's annotations by reflection), so
   * on a machine with a core to spare the market listens sooner; every child of a simulation waits
   * for that.
   */
  public static void preloadInBackground() {
    Thread preload =
        new Thread(
            () -> {
              try {
                SqliteLedger.preload();
                EventLoops.on(NettyServerBuilder.forPort(0));
              } catch (RuntimeException | LinkageError e) {
                // Only a head start: the start itself meets the same failure (a native library
                // that does not load, say) and reports it in one line.
              }
            },
            "market-preload");
    preload.setDaemon(true);
    preload.start();
  }

  @Override
  public Integer call() throws Exception {
    Logging.configure(verbose ? Level.FINE : Level.INFO);
    ServerTls tls;
    try {
      check();
      tls = tlsOptions.resolve();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    String warning = clearTextWarning(bind, tls.enabled());
    if (warning != null) {
      spec.commandLine().getErr().println(warning);
      spec.commandLine().getErr().flush();
    }
    // The port first: a start that cannot listen must not leave a ledger or a token behind.
    try (PortReservation reserved = PortReservation.hold(bind, port)) {
      MarketRun.Plan plan = plan();
      InetSocketAddress address = new InetSocketAddress(bind, port);
      return new MarketRun(
              plan,
              reserved,
              engine ->
                  new MarketServer(
                      EventLoops.on(NettyServerBuilder.forAddress(address, tls.credentials()))
                          // A process of many homes sends all its orders in one message a phase.
                          .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                          // Bounded memory: headers, open calls and idle connections all have a
                          // limit; past the call limit a new call is refused.
                          .maxInboundMetadataSize(16 * 1024)
                          .maxConcurrentCallsPerConnection(MAX_CALLS_PER_CONNECTION)
                          .maxConnectionIdle(MAX_CONNECTION_IDLE.toMillis(), TimeUnit.MILLISECONDS)
                          .keepAliveTime(KEEPALIVE_TIME.toMillis(), TimeUnit.MILLISECONDS)
                          .keepAliveTimeout(KEEPALIVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                          // Clients ping an open session to notice a market that vanished.
                          .permitKeepAliveTime(
                              Channels.PERMITTED_KEEPALIVE_TIME.toMillis(), TimeUnit.MILLISECONDS),
                      engine),
              spec.commandLine().getOut())
          .run();
    }
  }

  /**
   * The one line a market that listens beyond this machine without TLS prints, or null: other
   * machines can then read the secrets that homes and daemons send.
   */
  static String clearTextWarning(String bind, boolean tls) {
    if (tls || loopback(bind)) {
      return null;
    }
    return "market: warning: listening on "
        + bind
        + " without TLS: home secrets and the operator token travel in clear (see --tls-cert)";
  }

  /** Whether {@code bind} reaches this machine only; a name that does not resolve does not. */
  private static boolean loopback(String bind) {
    try {
      return InetAddress.getByName(bind).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Checks every option before anything is bound or created. */
  private void check() {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port " + port + " is out of range 0..65535");
    }
    if (awaitHomes < 0 || awaitDaemons < 0) {
      throw new IllegalArgumentException("--await-homes and --await-daemons cannot be negative");
    }
    // The token is made only once the port is held; any one will do to check the rest.
    settings("checked");
  }

  private MarketSettings settings(String operatorToken) {
    return settings(operatorToken, registration == RegistrationMode.token ? "checked" : null);
  }

  private MarketSettings settings(String operatorToken, String registrationToken) {
    return run.settings(seed.seed(), dayLength, days, maxMissedDays, feedMaxLag, operatorToken)
        .withRegistration(
            new Registration(registrationToken, registrationsPerSecond, registrationBurst));
  }

  /** The start these options ask for; creates the data directory and the operator token. */
  private MarketRun.Plan plan() {
    String token;
    String registrationToken = null;
    try {
      Files.createDirectories(dataDir);
      token = TokenFiles.resolve(operatorToken, dataDir);
    } catch (IOException e) {
      throw new CommandFailure(
          1, "cannot prepare the data directory " + dataDir + ": " + describe(e));
    }
    if (registration == RegistrationMode.token) {
      Path file =
          registrationTokenFile != null
              ? registrationTokenFile
              : dataDir.resolve(REGISTRATION_TOKEN_FILE);
      try {
        registrationToken = TokenFiles.readOrCreate(file);
      } catch (IOException e) {
        throw new CommandFailure(
            1, "cannot read or create the registration token " + file + ": " + describe(e));
      }
    }
    return new MarketRun.Plan(
        settings(token, registrationToken),
        dataDir,
        bind,
        port,
        awaitHomes,
        awaitDaemons,
        exitWhenDone,
        givenOptions(),
        run.price().events);
  }

  /** An I/O failure in a few words: the JDK's messages are often just the path. */
  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
  }

  /** The long names of the options given on the command line (not from defaults or a file). */
  private Set<String> givenOptions() {
    ParseResult parsed = spec.commandLine().getParseResult();
    Set<String> given = new HashSet<>();
    if (parsed != null) {
      for (OptionSpec option : parsed.matchedOptions()) {
        given.add(option.longestName());
      }
    }
    return given;
  }
}

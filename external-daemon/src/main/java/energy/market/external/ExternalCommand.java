package energy.market.external;

import energy.market.client.ShutdownHook;
import energy.market.client.cli.ClientTlsOptions;
import energy.market.client.cli.CommandFailure;
import energy.market.client.cli.MarketAddressOption;
import energy.market.client.cli.OperatorCredentials;
import energy.market.client.cli.SeedOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code external} command: parses the options, starts an {@link ExternalDaemon}, prints the
 * pid and the signal table, and runs until INT, TERM or HUP stops it.
 */
@Command(
    name = "external",
    mixinStandardHelpOptions = true,
    versionProvider = ExternalCommand.Version.class,
    usageHelpWidth = 100,
    description = {
      "The external-events daemon: real POSIX signals sent to this process become market events"
          + " (fuel shortage, war, new energy law, storm, cold snap).",
      "Each caught signal gets a unique event id and goes to the market (Events/ReportEvent) in"
          + " the order caught, retried with backoff until the market acknowledges it; events"
          + " caught while the market is down wait in order and go when it returns. The market"
          + " counts an id once and applies each kind's price effect and duration.",
      ""
    },
    footer = {
      "",
      "Signals (the defaults; change them with --signal):",
      "  kill -s USR1 <pid>   fuel-shortage    daily probability 0.03",
      "  kill -s USR2 <pid>   war              daily probability 0.005",
      "  kill -s IO <pid>     new-energy-law   daily probability 0.01",
      "  kill -s ALRM <pid>   storm            daily probability 0.04",
      "  kill -s URG <pid>    cold-snap        daily probability 0.03",
      "  INT, TERM and HUP stop the daemon cleanly (HUP only while no event uses it); QUIT is the"
          + " JVM's thread dump.",
      "The daemon prints its pid and this table when it starts.",
      "",
      "It runs until it is stopped. Exit codes: 1 could not start (no signal handler could be installed);"
          + " 2 bad options; 130 Ctrl-C (SIGINT); 143 SIGTERM; 129 SIGHUP.",
      "",
      "Random mode (--random; the launcher turns it on): when the market opens a day, each event"
          + " kind fires with its daily probability, drawn from a stream seeded by --seed, the"
          + " day and the kind, and the daemon raises that kind's real signal on itself, so random"
          + " and manual events travel the same path. The same seed fires the same events on the"
          + " same days, with the same event ids."
    })
public final class ExternalCommand implements Callable<Integer> {
  /**
   * Each kind's daily probability in {@link EventCatalog#defaults()}, as the help shows it ({@code
   * ExternalCommandTest} checks that they agree).
   */
  public static final String DEFAULT_PROBABILITIES =
      "fuel-shortage=0.03, war=0.005, new-energy-law=0.01, storm=0.04, cold-snap=0.03";

  /** Each kind's signal in {@link EventCatalog#defaults()}, as the help shows it. */
  static final String DEFAULT_SIGNALS =
      "fuel-shortage=USR1, war=USR2, new-energy-law=IO, storm=ALRM, cold-snap=URG";

  /** Reads the version Maven wrote into the jar; "unknown" when run from a build directory. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in =
          ExternalCommand.class.getResourceAsStream(
              "/META-INF/maven/energy.market/external-daemon/pom.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {
        "energy-market external daemon " + properties.getProperty("version", "(version unknown)")
      };
    }
  }

  @Spec CommandSpec spec;

  @Mixin MarketAddressOption market;

  @Mixin SeedOption seed;

  @Option(
      names = "--random",
      negatable = true,
      defaultValue = "false",
      fallbackValue = "true",
      description =
          "Random mode: follow the market's days and fire each event with its daily probability"
              + " by raising its signal on this process. --no-random: only signals sent by"
              + " people (default: ${DEFAULT-VALUE}).")
  boolean random;

  @Option(
      names = "--probability",
      paramLabel = "KIND=P",
      description =
          "Daily probability (0 to 1) of an event kind in random mode; repeatable, for example"
              + " --probability storm=0.02 (default: "
              + DEFAULT_PROBABILITIES
              + ").")
  List<String> probabilities = new ArrayList<>();

  @Option(
      names = "--signal",
      paramLabel = "KIND=SIGNAL",
      description =
          "The signal that raises an event kind; repeatable, for example --signal storm=WINCH"
              + " (WINCH and HUP are also sent by the terminal on resize and hang-up) (default: "
              + DEFAULT_SIGNALS
              + ").")
  List<String> signals = new ArrayList<>();

  @Mixin OperatorCredentials operator;

  @Mixin ClientTlsOptions tls;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ExternalDaemon.Settings settings;
    try {
      EventCatalog catalog =
          EventCatalog.defaults().withSignals(signals).withProbabilities(probabilities);
      settings =
          new ExternalDaemon.Settings(
              market.address(), operator.resolve(), catalog, random, seed.seed(), tls.resolve());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    ExternalDaemon daemon;
    try {
      daemon = ExternalDaemon.start(settings, out::println);
    } catch (IllegalStateException e) {
      throw new CommandFailure(1, e.getMessage());
    }
    ShutdownHook.install(
        "external-shutdown",
        () -> {
          int undelivered = daemon.closeAndCount();
          err.println(
              "external daemon stopped"
                  + (undelivered == 0
                      ? ""
                      : "; " + undelivered + " caught events were not delivered"));
          err.flush();
        });
    printTable(out, settings, daemon.signals(), ProcessHandle.current().pid());
    out.println("waiting for signals");
    out.flush();
    daemon.followDayClock();
    // Everything runs on the daemon's threads; INT, TERM and HUP end the JVM through the hook.
    new CountDownLatch(1).await();
    return 0;
  }

  static void printTable(
      PrintWriter out, ExternalDaemon.Settings settings, SignalEvents signals, long pid) {
    out.printf(
        Locale.ROOT,
        "external daemon pid %d; market %s; random mode %s%n",
        pid,
        settings.market(),
        settings.random() ? "on, seed " + settings.seed() : "off");
    out.printf(
        Locale.ROOT, "%-9s %-15s %-18s %s%n", "signal", "event", "daily probability", "send");
    for (CatalogEntry entry : settings.catalog().entries()) {
      String failure = signals.failures().get(entry.kind());
      out.printf(
          Locale.ROOT,
          "%-9s %-15s %-18s %s%n",
          "SIG" + entry.signal(),
          entry.kind().label(),
          BigDecimal.valueOf(entry.dailyProbability()).stripTrailingZeros().toPlainString(),
          failure == null
              ? "kill -s " + entry.signal() + " " + pid
              : "not installed (" + failure + ")");
    }
    out.println(
        settings.catalog().kindOf("HUP").isPresent()
            ? "SIGINT and SIGTERM stop the daemon cleanly"
            : "SIGINT, SIGTERM and SIGHUP stop the daemon cleanly");
  }
}

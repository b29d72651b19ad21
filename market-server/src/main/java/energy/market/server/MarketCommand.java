package energy.market.server;

import energy.market.client.Durations;
import energy.market.client.Logging;
import energy.market.client.MarketAddress;
import energy.market.server.clock.Pace;
import energy.market.server.engine.MarketEngine;
import energy.market.server.engine.MarketSettings;
import energy.market.server.feed.FeedSink;
import energy.market.server.feed.Tick;
import energy.market.server.ledger.MarketStart;
import energy.market.server.ledger.RunParameters;
import energy.market.server.ledger.SqliteLedger;
import energy.market.server.ledger.UnusableLedgerException;
import energy.market.server.price.PriceParameters;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code energy-market market}: runs the market server until it is stopped. */
@Command(
    name = "market",
    mixinStandardHelpOptions = true,
    version = "energy-market 0.1.0",
    description =
        "Runs the market server: the day clock, the gift broker, the bounded trade executor, "
            + "the price model, the ledger and the price feed (energy.market.v1, with health and "
            + "reflection). Stops cleanly on Ctrl-C or SIGTERM. With an existing ledger in "
            + "--data-dir it resumes after the last closed day, keeping the run's seed, price "
            + "model and events (an option that contradicts them is refused).")
public final class MarketCommand implements Callable<Integer> {
  /** The largest message the market accepts: room for 100,000 homes' orders in one batch. */
  public static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).",
      defaultValue = "50051")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, every interface).",
      defaultValue = "0.0.0.0")
  String bind;

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
      names = "--phase-deadline",
      converter = Durations.class,
      paramLabel = "DURATION",
      description =
          "Longest a phase waits for late participants; with a fixed day length, phases also "
              + "share the day (default: ${DEFAULT-VALUE}).",
      defaultValue = "5s")
  Duration phaseDeadline;

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

  @Option(
      names = "--seed",
      paramLabel = "N",
      description =
          "Seed of the market's random choices (gift order); a resumed run keeps its own "
              + "(default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  long seed;

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

  @Option(
      names = "--max-concurrent-trades",
      paramLabel = "N",
      description = "Trades that may execute at once (default: ${DEFAULT-VALUE}).",
      defaultValue = "4")
  int maxConcurrentTrades;

  @Option(
      names = "--trade-queue",
      paramLabel = "N",
      description =
          "Trades that may wait for a slot; beyond that a trade fails with RESOURCE_EXHAUSTED "
              + "(default: ${DEFAULT-VALUE}).",
      defaultValue = "1024")
  int tradeQueue;

  @Option(
      names = "--max-missed-days",
      paramLabel = "N",
      description =
          "Consecutive days a connected home may miss before it is dropped (default: "
              + "${DEFAULT-VALUE}).",
      defaultValue = "3")
  int maxMissedDays;

  @Option(
      names = "--feed-max-lag",
      paramLabel = "N",
      description =
          "Ticks a price-feed subscriber may fall behind before it is dropped (default: "
              + "${DEFAULT-VALUE}).",
      defaultValue = "256")
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

  @Mixin PriceOptions price;

  @Override
  public Integer call() throws Exception {
    Logging.configure(verbose ? Level.FINE : Level.INFO);
    PrintWriter out = spec.commandLine().getOut();
    MarketSettings settings;
    try {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("--port " + port + " is out of range 0..65535");
      }
      if (awaitHomes < 0 || awaitDaemons < 0) {
        throw new IllegalArgumentException("--await-homes and --await-daemons cannot be negative");
      }
      if (days < 0) {
        throw new IllegalArgumentException("--days " + days + " is negative; use 0 for no limit");
      }
      Files.createDirectories(dataDir);
      settings =
          new MarketSettings(
              seed,
              dayLength.isZero() ? Pace.fast(phaseDeadline) : new Pace(dayLength, phaseDeadline),
              days == 0 ? Long.MAX_VALUE : days,
              price.parameters(),
              price.catalog(),
              maxConcurrentTrades,
              tradeQueue,
              maxMissedDays,
              feedMaxLag,
              OperatorTokenFile.resolve(operatorToken, dataDir));
    } catch (IllegalArgumentException | IOException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }

    Path ledgerFile = dataDir.resolve(SqliteLedger.FILE_NAME);
    SqliteLedger ledger;
    try {
      ledger =
          SqliteLedger.open(
              ledgerFile,
              new RunParameters(settings.seed(), settings.price(), settings.events()),
              Clock.systemUTC());
    } catch (UnusableLedgerException e) {
      spec.commandLine()
          .getErr()
          .println(
              "market: "
                  + e.getMessage()
                  + "; the file was left as it was (move it away, or use another --data-dir)");
      return 2;
    }
    if (!ledger.created()) {
      String conflict = conflicts(ledgerFile, ledger.run(), settings);
      if (conflict != null) {
        ledger.close();
        spec.commandLine().getErr().println("market: " + conflict);
        return 2;
      }
      settings = resumedSettings(settings, ledger.run());
      out.println(
          "resuming after day " + ledger.resumeState().lastClosedDay() + " from " + ledgerFile);
    } else {
      out.println("new ledger " + ledgerFile);
    }
    long firstDay = ledger.resumeState().lastClosedDay() + 1;
    try {
      ledger.started(
          new MarketStart(
              Clock.systemUTC().instant(),
              firstDay,
              settings.pace(),
              settings.days(),
              settings.maxConcurrentTrades(),
              settings.tradeQueue()));
    } catch (RuntimeException e) {
      ledger.close();
      spec.commandLine().getErr().println("market: " + ledgerFile + ": " + e.getMessage());
      return 1;
    }

    MarketEngine engine =
        new MarketEngine(settings, ledger, Clock.systemUTC(), ledger.resumeState());
    MarketServer server =
        new MarketServer(
            NettyServerBuilder.forAddress(new InetSocketAddress(bind, port))
                // A process of many homes sends all their orders in one message per phase.
                .maxInboundMessageSize(MAX_MESSAGE_BYTES),
            engine);
    try {
      server.start();
    } catch (IOException e) {
      engine.close();
      spec.commandLine()
          .getErr()
          .println(
              "cannot listen on "
                  + new MarketAddress(bind, Math.max(port, 1)).host()
                  + ":"
                  + port
                  + ": "
                  + e.getMessage()
                  + " (is another market running? try --port 0)");
      return 2;
    }
    out.println("market listening on port " + server.getPort());
    out.flush();
    printDays(engine, out, settings.pace());
    engine.startWhen(awaitHomes, awaitDaemons);

    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              System.err.println("market: stopping");
              server.stop();
              stopped.countDown();
              System.err.println("market: stopped");
            },
            "market-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    if (exitWhenDone) {
      engine.finished().handle((day, failure) -> null).join();
    } else {
      // Serve until stopped, or until the market stops by itself (its books failed to balance or
      // to be kept): then exit, so that a supervisor restarts it and it resumes from its ledger.
      engine
          .finished()
          .whenComplete(
              (day, failure) -> {
                if (failure != null) {
                  stopped.countDown();
                }
              });
      stopped.await();
      if (!engine.finished().isCompletedExceptionally()) {
        return 0;
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      return 0; // the JVM is already stopping through the hook
    }
    server.stop();
    if (engine.finished().isCompletedExceptionally()) {
      Throwable failure = engine.finished().handle((day, f) -> f).join();
      spec.commandLine().getErr().println("market: stopped: " + failure.getMessage());
      return 1;
    }
    return 0;
  }

  /**
   * Why this start cannot resume the ledger's run: an option given on the command line that
   * contradicts the run's model (options not given take the run's values); null when none does.
   */
  private String conflicts(Path ledgerFile, RunParameters run, MarketSettings asked) {
    ParseResult parsed = spec.commandLine().getParseResult();
    List<String> kept = new ArrayList<>();
    List<String> given = new ArrayList<>();
    PriceParameters was = run.price();
    PriceParameters now = asked.price();
    compare(parsed, "--seed", run.seed(), asked.seed(), kept, given);
    compare(
        parsed, "--initial-price", eur(was.initialMicro()), eur(now.initialMicro()), kept, given);
    compare(
        parsed,
        "--reference-price",
        eur(was.referenceMicro()),
        eur(now.referenceMicro()),
        kept,
        given);
    compare(parsed, "--gamma", was.gamma(), now.gamma(), kept, given);
    compare(
        parsed, "--alpha-net", was.alphaNetMicroPerKwh(), now.alphaNetMicroPerKwh(), kept, given);
    compare(
        parsed,
        "--alpha-temp",
        was.alphaTempMicroPerDegree(),
        now.alphaTempMicroPerDegree(),
        kept,
        given);
    compare(parsed, "--comfort-low", was.comfortLowCelsius(), now.comfortLowCelsius(), kept, given);
    compare(
        parsed, "--comfort-high", was.comfortHighCelsius(), now.comfortHighCelsius(), kept, given);
    compare(parsed, "--price-floor", eur(was.floorMicro()), eur(now.floorMicro()), kept, given);
    compare(parsed, "--price-cap", eur(was.capMicro()), eur(now.capMicro()), kept, given);
    if (parsed != null
        && parsed.hasMatchedOption("--event")
        && !run.catalog().equals(asked.events())) {
      kept.add("its own --event catalog " + run.catalog().all());
      given.add("--event " + String.join(" --event ", price.events));
    }
    if (kept.isEmpty()) {
      return null;
    }
    return ledgerFile
        + " holds a run with "
        + String.join(", ", kept)
        + "; this start gives "
        + String.join(", ", given)
        + ". A run keeps its seed, price model and events: drop those options to resume it, or"
        + " use another --data-dir for a new run";
  }

  private static void compare(
      ParseResult parsed,
      String option,
      Object stored,
      Object asked,
      List<String> kept,
      List<String> given) {
    if (parsed != null && parsed.hasMatchedOption(option) && !stored.equals(asked)) {
      kept.add(option + " " + stored);
      given.add(option + " " + asked);
    }
  }

  private static String eur(long micro) {
    return String.format(Locale.ROOT, "%.6f", micro / 1e6);
  }

  /** The settings of this start with the model of the run it resumes. */
  private static MarketSettings resumedSettings(MarketSettings asked, RunParameters run) {
    return new MarketSettings(
        run.seed(),
        asked.pace(),
        asked.days(),
        run.price(),
        run.catalog(),
        asked.maxConcurrentTrades(),
        asked.tradeQueue(),
        asked.maxMissedDays(),
        asked.feedMaxLag(),
        asked.operatorToken());
  }

  /** One line per closed day at a human pace; every 30th day when running as fast as possible. */
  private static void printDays(MarketEngine engine, PrintWriter out, Pace pace) {
    int every = pace.isFast() ? 30 : 1;
    engine
        .ticks()
        .subscribe(
            0,
            new FeedSink<>() {
              @Override
              public boolean isReady() {
                return true;
              }

              @Override
              public void send(Tick tick) {
                if (tick.day() % every == 0) {
                  out.printf(
                      "day %d closed: price %.6f EUR/kWh (%+.6f), %.1f C%s, %d homes, "
                          + "bought %d Wh, sold %d Wh, given %d Wh, %d events%n",
                      tick.day(),
                      tick.priceMicro() / 1e6,
                      tick.changeMicro() / 1e6,
                      tick.temperatureCelsius(),
                      tick.weatherStale() ? " (stale)" : "",
                      tick.homes(),
                      tick.boughtWh(),
                      tick.soldWh(),
                      tick.givenWh(),
                      tick.events().size());
                  out.flush();
                }
              }

              @Override
              public void drop(String reason) {}
            });
  }
}

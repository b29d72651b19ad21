package energy.market.server;

import energy.market.client.Durations;
import energy.market.client.Logging;
import energy.market.client.MarketAddress;
import energy.market.server.clock.Pace;
import energy.market.server.engine.MarketEngine;
import energy.market.server.engine.MarketSettings;
import energy.market.server.feed.FeedSink;
import energy.market.server.feed.Tick;
import energy.market.server.ledger.Ledger;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code energy-market market}: runs the market server until it is stopped. */
@Command(
    name = "market",
    mixinStandardHelpOptions = true,
    version = "energy-market 0.1.0",
    description =
        "Runs the market server: the day clock, the gift broker, the bounded trade executor, "
            + "the price model and the price feed (energy.market.v1, with health and "
            + "reflection). Stops cleanly on Ctrl-C or SIGTERM.")
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
      description = "Stop the day clock after N days; 0 for no limit (default: ${DEFAULT-VALUE}).",
      defaultValue = "0")
  long days;

  @Option(
      names = "--exit-when-done",
      description = "Exit once the --days have run, instead of serving on until stopped.")
  boolean exitWhenDone;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of the market's random choices (gift order) (default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  long seed;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Directory for the market's files (default: ${DEFAULT-VALUE}).",
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

  @Option(names = "--verbose", description = "Log every phase and session change.")
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

    MarketEngine engine = new MarketEngine(settings, Ledger.IN_MEMORY, Clock.systemUTC());
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
      Runtime.getRuntime().removeShutdownHook(hook);
      server.stop();
      return engine.finished().isCompletedExceptionally() ? 1 : 0;
    }
    stopped.await();
    return 0;
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

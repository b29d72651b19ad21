package energy.market.server;

import energy.market.client.MarketAddress;
import energy.market.client.ShutdownHook;
import energy.market.client.cli.CommandFailure;
import energy.market.server.engine.Failures;
import energy.market.server.engine.MarketEngine;
import energy.market.server.engine.MarketSettings;
import energy.market.server.ledger.LedgerException;
import energy.market.server.ledger.MarketStart;
import energy.market.server.ledger.RunParameters;
import energy.market.server.ledger.SqliteLedger;
import energy.market.server.ledger.UnusableLedgerException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * One start of the market process: opens the ledger in the data directory (resuming its run, or
 * refusing a start that contradicts it), wires the engine to its server, prints the days, and
 * serves until it is stopped, its days are done, or its books fail. Failures are {@link
 * CommandFailure}s carrying the process's exit code.
 */
final class MarketRun {
  /**
   * What a start is asked to do.
   *
   * @param settings the market's settings from the options; a resumed run keeps its own model
   * @param dataDir the directory of the ledger
   * @param bind the address to listen on
   * @param port the port to listen on; 0 for a free one
   * @param awaitHomes homes to wait for before day 1
   * @param awaitDaemons daemons to wait for before day 1
   * @param exitWhenDone exit once the days have run instead of serving on
   * @param given the long names of the options given on the command line
   * @param eventsGiven the {@code --event} values as given
   */
  record Plan(
      MarketSettings settings,
      Path dataDir,
      String bind,
      int port,
      int awaitHomes,
      int awaitDaemons,
      boolean exitWhenDone,
      Set<String> given,
      List<String> eventsGiven) {}

  private final Plan plan;
  private final PortReservation port;
  private final Function<MarketEngine, MarketServer> serverFor;
  private final PrintWriter out;

  /**
   * @param port the plan's port, held until the server binds it
   * @param serverFor the server that serves an engine on the plan's address (the command picks the
   *     transport)
   */
  MarketRun(
      Plan plan,
      PortReservation port,
      Function<MarketEngine, MarketServer> serverFor,
      PrintWriter out) {
    this.plan = plan;
    this.port = port;
    this.serverFor = serverFor;
    this.out = out;
  }

  /**
   * Runs the market until it stops.
   *
   * @return the exit code: 0 when it stopped as asked
   * @throws CommandFailure when it cannot start, or stops because its books failed
   */
  int run() throws InterruptedException {
    Path ledgerFile = plan.dataDir().resolve(SqliteLedger.FILE_NAME);
    SqliteLedger ledger = openLedger(ledgerFile);
    MarketSettings settings = plan.settings();
    if (!ledger.created()) {
      String conflict =
          ResumeConflicts.find(
                  ledgerFile, ledger.run(), runOf(settings), plan.given(), plan.eventsGiven())
              .orElse(null);
      if (conflict != null) {
        ledger.close();
        throw new CommandFailure(2, conflict);
      }
      settings = resumed(settings, ledger.run());
      out.println(
          "resuming after day " + ledger.resumeState().lastClosedDay() + " from " + ledgerFile);
    } else {
      out.println("new ledger " + ledgerFile);
    }
    recordStart(ledger, ledgerFile, settings);

    MarketEngine engine =
        new MarketEngine(settings, ledger, Clock.systemUTC(), ledger.resumeState());
    MarketServer server = serverFor.apply(engine);
    port.close();
    try {
      server.start();
    } catch (IOException e) {
      // Another process took the port since it was checked, or the address cannot be bound.
      engine.close();
      throw new CommandFailure(
          1,
          "cannot listen on "
              + new MarketAddress(plan.bind(), Math.max(plan.port(), 1)).host()
              + ":"
              + plan.port()
              + ": "
              + e.getMessage()
              + " (is another market running? try --port 0)");
    }
    out.println("market listening on port " + server.getPort());
    out.flush();
    engine.ticks().subscribe(0, new DayPrinter(out, settings.pace()));
    engine.startWhen(plan.awaitHomes(), plan.awaitDaemons());
    return serve(engine, server);
  }

  private SqliteLedger openLedger(Path ledgerFile) {
    MarketSettings settings = plan.settings();
    try {
      return SqliteLedger.open(ledgerFile, runOf(settings), Clock.systemUTC());
    } catch (UnusableLedgerException e) {
      throw new CommandFailure(
          2,
          e.getMessage()
              + "; the file was left as it was (move it away, or use another --data-dir)");
    } catch (LedgerException e) {
      throw new CommandFailure(1, e.getMessage());
    }
  }

  private static void recordStart(SqliteLedger ledger, Path ledgerFile, MarketSettings settings) {
    try {
      ledger.started(
          new MarketStart(
              Clock.systemUTC().instant(),
              ledger.resumeState().lastClosedDay() + 1,
              settings.pace(),
              settings.days(),
              settings.maxConcurrentTrades(),
              settings.tradeQueue()));
    } catch (RuntimeException e) {
      ledger.close();
      throw new CommandFailure(1, ledgerFile + ": " + e.getMessage());
    }
  }

  /**
   * Serves until SIGINT or SIGTERM (through the shutdown hook), until the days are done with {@code
   * --exit-when-done}, or until the market stops by itself because its books failed to balance or
   * to be kept: then it exits with 1, so that a supervisor restarts it and it resumes from its
   * ledger.
   */
  private int serve(MarketEngine engine, MarketServer server) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    ShutdownHook hook =
        ShutdownHook.install(
            "market-shutdown",
            () -> {
              System.err.println("market: stopping");
              server.stop();
              stopped.countDown();
              System.err.println("market: stopped");
            });
    if (plan.exitWhenDone()) {
      engine.finished().handle((day, failure) -> null).join();
    } else {
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
    if (!hook.remove()) {
      return 0; // the JVM is already stopping through the hook
    }
    server.stop();
    if (engine.finished().isCompletedExceptionally()) {
      Throwable failure = Failures.cause(engine.finished().handle((day, f) -> f).join());
      if (failure instanceof LedgerException) {
        throw new CommandFailure(
            1,
            "stopped: "
                + plan.dataDir().resolve(SqliteLedger.FILE_NAME)
                + " "
                + failure.getMessage()
                + "; nothing it could not keep was acknowledged: start the market again once it"
                + " can write, and it resumes from its ledger");
      }
      throw new CommandFailure(1, "stopped: " + failure.getMessage());
    }
    return 0;
  }

  private static RunParameters runOf(MarketSettings settings) {
    return new RunParameters(settings.seed(), settings.price(), settings.events());
  }

  /** The settings of this start with the model of the run it resumes. */
  static MarketSettings resumed(MarketSettings asked, RunParameters run) {
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
        asked.operatorToken(),
        asked.homeCapacity(),
        asked.registration());
  }
}

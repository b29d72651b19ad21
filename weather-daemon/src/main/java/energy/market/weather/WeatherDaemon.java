package energy.market.weather;

import energy.market.api.v1.DaemonRole;
import energy.market.client.DaemonSession;
import energy.market.model.Phase;
import energy.market.model.PhaseStart;
import energy.market.weather.client.MarketWeatherReporter;
import energy.market.weather.grpc.WeatherServer;
import energy.market.weather.model.DailyWeather;
import energy.market.weather.model.WeatherHistory;
import energy.market.weather.model.WeatherModel;
import energy.market.weather.shm.WeatherFileWriter;
import io.grpc.Channel;
import io.grpc.ServerBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The weather daemon, wired: it follows the market's day clock and, when a day opens, computes the
 * day's temperature from the {@link WeatherModel}, writes it into the shared-memory file, publishes
 * it on {@code Weather/StreamWeather}, and reports it to the market before the phase is declared
 * done. Startable and stoppable in-process (tests, launcher); {@link WeatherCommand} runs it as a
 * process.
 */
public final class WeatherDaemon implements AutoCloseable {
  private final WeatherModel model;
  private final WeatherHistory history;
  private final WeatherFileWriter file;
  private final WeatherServer server;
  private final MarketWeatherReporter reporter;
  private final Clock clock;
  private final Consumer<String> log;
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile DaemonSession session; // set once in start(), read by close()
  private final AtomicBoolean closing = new AtomicBoolean();

  private WeatherDaemon(
      WeatherModel model,
      WeatherHistory history,
      WeatherFileWriter file,
      WeatherServer server,
      MarketWeatherReporter reporter,
      Clock clock,
      Consumer<String> log) {
    this.model = model;
    this.history = history;
    this.file = file;
    this.server = server;
    this.reporter = reporter;
    this.clock = clock;
    this.log = log;
  }

  /**
   * Claims the weather file, starts the gRPC server and starts following the market.
   *
   * @param config the daemon's settings
   * @param serverBuilder the builder of its gRPC server (address and executor set)
   * @param market the channel to the market; the caller owns it and shuts it down after {@link
   *     #close()}
   * @param clock the wall clock for publication times and phase deadlines
   * @param log where the daemon's status lines go
   * @throws energy.market.weather.shm.WeatherFileException IN_USE when another daemon owns the file
   * @throws IOException when the file cannot be created or the server cannot listen
   */
  public static WeatherDaemon start(
      WeatherDaemonConfig config,
      ServerBuilder<?> serverBuilder,
      Channel market,
      Clock clock,
      Consumer<String> log)
      throws IOException {
    WeatherModel model = new WeatherModel(config.seed(), config.parameters());
    WeatherHistory history = new WeatherHistory(config.historyDays());
    WeatherFileWriter file = WeatherFileWriter.create(config.sharedMemoryFile(), log);
    WeatherServer server;
    try {
      server = new WeatherServer(serverBuilder, history).start();
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e;
    }
    MarketWeatherReporter reporter =
        new MarketWeatherReporter(
            market, config.operatorToken(), config.reportTimeout(), config.reportAttempts(), clock);
    WeatherDaemon daemon = new WeatherDaemon(model, history, file, server, reporter, clock, log);
    try {
      daemon.session =
          DaemonSession.start(
              market,
              DaemonRole.DAEMON_ROLE_WEATHER,
              config.operatorToken(),
              "weather daemon pid " + ProcessHandle.current().pid(),
              daemon::onPhase,
              log);
    } catch (RuntimeException e) {
      daemon.close();
      throw e;
    }
    return daemon;
  }

  /** The port of the gRPC server (-1 in-process). */
  public int port() {
    return server.getPort();
  }

  /** The shared-memory file. */
  public Path sharedMemoryFile() {
    return file.path();
  }

  /** The days published so far (bounded). */
  public WeatherHistory history() {
    return history;
  }

  private void onPhase(PhaseStart phase) throws InterruptedException {
    if (phase.phase() == Phase.OPEN) {
      publish(phase.day(), phase.deadline().orElse(null));
    }
  }

  /**
   * Publishes a day everywhere: the file, the stream, then the market. This is what the daemon does
   * when a day opens.
   *
   * @param day the day
   * @param phaseDeadline the end of the OPEN phase, or null when unknown
   * @return what was published
   * @throws InterruptedException when interrupted while retrying the market report
   * @throws IllegalStateException when the daemon is stopping
   */
  public synchronized DailyWeather publish(long day, Instant phaseDeadline)
      throws InterruptedException {
    if (closing.get()) {
      throw new IllegalStateException(
          "the weather daemon is stopping; day " + day + " not published");
    }
    double celsius = model.temperatureFor(day);
    DailyWeather weather = new DailyWeather(day, celsius, clock.instant());
    // Local readers first: homes on this machine read the file as soon as GIFT begins.
    file.write(day, celsius, weather.publishedAt().toEpochMilli());
    history.publish(weather);
    MarketWeatherReporter.Result result = reporter.report(day, celsius, phaseDeadline);
    String text = String.format(Locale.ROOT, "day %d: %.1f C", day, celsius);
    switch (result.outcome()) {
      case APPLIED -> log.accept(text);
      case TOO_LATE ->
          log.accept(text + " (too late for the market, which kept the previous temperature)");
      case FAILED -> log.accept(text + " (not reported to the market: " + result.detail() + ")");
    }
    return weather;
  }

  /**
   * Stops: the market session closed, health NOT_SERVING and the server down, the file removed.
   * Idempotent; safe from a shutdown hook.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    try {
      // The market first: with its own server stopped first, the daemon's session to a market that
      // was stopping too (the end of a run) stayed open in about one stop of six, and the daemon
      // and the market each waited for the other to end it (the daemon for its channel's second of
      // grace, the market for its calls), a second more before the run could exit.
      if (session != null) {
        session.close();
      }
    } finally {
      try {
        server.close();
      } finally {
        // After the session and the server, so no publication races the removal.
        synchronized (this) {
          file.close();
        }
        closed.countDown();
      }
    }
  }

  /** Blocks until {@link #close()} has finished. */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }
}

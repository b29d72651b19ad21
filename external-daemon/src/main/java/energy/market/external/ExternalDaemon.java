package energy.market.external;

import energy.market.api.v1.DaemonRole;
import energy.market.client.Backoff;
import energy.market.client.Channels;
import energy.market.client.ClientTls;
import energy.market.client.DaemonSession;
import energy.market.client.MarketAddress;
import energy.market.external.client.GrpcEventReporter;
import io.grpc.ManagedChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A running external daemon: owns the channel to the market, the outbox and its thread, the signal
 * handlers and, in random mode, the session that follows the market's day clock. Closing it does
 * not remove the signal handlers (the JVM cannot); signals caught afterwards are ignored.
 */
public final class ExternalDaemon implements AutoCloseable {

  /** How long one {@code ReportEvent} attempt may take. */
  static final Duration REPORT_DEADLINE = Duration.ofSeconds(3);

  /**
   * What the daemon is started with.
   *
   * @param market the market's address
   * @param operatorToken the operator token the market expects
   * @param catalog signals and daily probabilities
   * @param random whether random mode fires events each day
   * @param seed random mode's seed
   * @param tls how to reach the market: plaintext or TLS
   */
  public record Settings(
      MarketAddress market,
      String operatorToken,
      EventCatalog catalog,
      boolean random,
      long seed,
      ClientTls tls) {
    public Settings {
      Objects.requireNonNull(market, "market");
      Objects.requireNonNull(tls, "tls");
      Objects.requireNonNull(operatorToken, "operatorToken");
      Objects.requireNonNull(catalog, "catalog");
    }
  }

  private final Settings settings;
  private final Consumer<String> log;
  private final ManagedChannel channel;
  private final Outbox outbox;
  private final EventIntake intake;
  private final SignalEvents signals;
  private DaemonSession session; // null unless random mode follows the day clock; guarded by this

  private ExternalDaemon(
      Settings settings,
      Consumer<String> log,
      ManagedChannel channel,
      Outbox outbox,
      EventIntake intake,
      SignalEvents signals) {
    this.settings = settings;
    this.log = log;
    this.channel = channel;
    this.outbox = outbox;
    this.intake = intake;
    this.signals = signals;
  }

  /**
   * Starts taking signals: the outbox first (so a handler never finds it missing), then the signal
   * handlers. Random mode starts with {@link #followDayClock()}.
   *
   * @param settings what to start with
   * @param log where progress lines go, one each
   * @throws IllegalStateException when not a single signal handler could be installed
   */
  public static ExternalDaemon start(Settings settings, Consumer<String> log) {
    ManagedChannel channel = Channels.open(settings.market(), settings.tls());
    Outbox outbox =
        new Outbox(
            Outbox.DEFAULT_CAPACITY,
            new GrpcEventReporter(channel, settings.operatorToken(), REPORT_DEADLINE),
            Backoff.standard(),
            log);
    outbox.start();
    EventIntake intake = new EventIntake(EventIntake.instanceIdOf(ProcessHandle.current()), outbox);
    SignalEvents signals = SignalEvents.install(settings.catalog().entries(), intake);
    if (signals.installed().isEmpty()) {
      outbox.close();
      channel.shutdownNow();
      throw new IllegalStateException(
          "no signal handler could be installed: " + signals.failures().values());
    }
    return new ExternalDaemon(settings, log, channel, outbox, intake, signals);
  }

  /**
   * In random mode, opens the session that follows the market's day clock and fires each day's
   * events when the day opens; otherwise does nothing (people's signals need no clock).
   */
  public synchronized void followDayClock() {
    if (!settings.random() || session != null) {
      return;
    }
    RandomMode randomMode =
        new RandomMode(
            new RandomDays(settings.catalog(), settings.seed()),
            settings.seed(),
            signals,
            intake,
            outbox,
            log);
    session =
        DaemonSession.start(
            channel,
            DaemonRole.DAEMON_ROLE_EXTERNAL,
            settings.operatorToken(),
            "external daemon pid " + ProcessHandle.current().pid(),
            new OpenPhaseHandler(randomMode, Clock.systemUTC()),
            log);
  }

  /** The signal handlers, with what could and could not be installed. */
  public SignalEvents signals() {
    return signals;
  }

  /** Leaves the market, stops the outbox without delivering more, and closes the channel. */
  @Override
  public void close() {
    closeAndCount();
  }

  /**
   * Like {@link #close()}.
   *
   * @return how many caught events were never delivered
   */
  public int closeAndCount() {
    // The outbox first: it wakes a day-opening that waits for acknowledgments, so the session's
    // thread is free to stop at once.
    int undelivered = outbox.closeAndCount(Duration.ofSeconds(2));
    DaemonSession toClose;
    synchronized (this) {
      toClose = session;
      session = null;
    }
    if (toClose != null) {
      toClose.close();
    }
    channel.shutdown();
    try {
      if (!channel.awaitTermination(1, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
    return undelivered;
  }
}

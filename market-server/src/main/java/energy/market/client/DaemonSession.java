package energy.market.client;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import energy.market.api.v1.DaemonRole;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.PhaseDone;
import energy.market.api.v1.PhaseStarted;
import energy.market.api.v1.SessionEvent;
import energy.market.api.v1.SessionHello;
import energy.market.api.v1.SessionRequest;
import io.grpc.Channel;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A daemon's session with the market's day clock (the weather and external daemons use it).
 *
 * <p>It opens {@code Market/Connect} with the daemon's role and operator token, hands every phase
 * to the {@link PhaseHandler}, and answers {@code PhaseDone} once the handler returns, so the
 * market can close the phase without waiting for its deadline. When the stream breaks it reconnects
 * with exponential backoff, forever, until {@link #close()}.
 *
 * <p>Everything (connecting, handling, sending) runs on one named thread, which keeps the outgoing
 * stream's {@code onNext} calls serialized and lets a handler block on unary calls.
 */
public final class DaemonSession implements AutoCloseable {

  /** What a daemon does in a phase. */
  @FunctionalInterface
  public interface PhaseHandler {
    /**
     * Does the daemon's work for a phase; returns once that work is acknowledged by the market. An
     * exception is logged and the phase is still reported done, so the day goes on.
     */
    void onPhase(PhaseStarted phase) throws Exception;
  }

  private final MarketGrpc.MarketStub stub;
  private final SessionHello hello;
  private final PhaseHandler handler;
  private final Consumer<String> log;
  private final Backoff backoff;
  private final ScheduledExecutorService worker;
  private volatile boolean closed;
  private StreamObserver<SessionRequest> outgoing; // only touched on the worker thread
  private long generation; // only touched on the worker thread; tells stale streams apart

  private DaemonSession(
      Channel channel,
      SessionHello hello,
      PhaseHandler handler,
      Consumer<String> log,
      Backoff backoff) {
    this.stub = MarketGrpc.newStub(channel);
    this.hello = hello;
    this.handler = handler;
    this.log = log;
    this.backoff = backoff;
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            new ThreadFactoryBuilder()
                .setNameFormat("daemon-session-" + hello.getDaemonRole().name().toLowerCase())
                .setDaemon(true)
                .build());
    executor.setRemoveOnCancelPolicy(true);
    this.worker = executor;
  }

  /**
   * Starts following the market's day clock.
   *
   * @param channel the channel to the market (the caller owns and shuts it down)
   * @param role the daemon's role
   * @param operatorToken the operator token
   * @param label a label for the market's logs
   * @param handler the daemon's work per phase
   * @param log where connection changes are reported, one line each
   */
  public static DaemonSession start(
      Channel channel,
      DaemonRole role,
      String operatorToken,
      String label,
      PhaseHandler handler,
      Consumer<String> log) {
    SessionHello hello =
        SessionHello.newBuilder()
            .setDaemonRole(role)
            .setOperatorToken(operatorToken)
            .setLabel(label)
            .build();
    DaemonSession session = new DaemonSession(channel, hello, handler, log, Backoff.standard());
    session.worker.execute(session::connect);
    return session;
  }

  private void connect() {
    if (closed) {
      return;
    }
    long myGeneration = ++generation;
    outgoing = stub.connect(new Events(myGeneration));
    outgoing.onNext(SessionRequest.newBuilder().setHello(hello).build());
  }

  private void onEvent(long eventGeneration, SessionEvent event) {
    if (eventGeneration != generation || closed) {
      return;
    }
    switch (event.getKindCase()) {
      case WELCOME -> {
        backoff.reset();
        log.accept("connected to the market as the " + describeRole() + " daemon");
      }
      case PHASE_STARTED -> handle(event.getPhaseStarted());
      default -> {
        // Daemons need only the phases; ticks and results are for homes and watchers.
      }
    }
  }

  private void handle(PhaseStarted phase) {
    try {
      handler.onPhase(phase);
    } catch (Exception e) {
      log.accept("day " + phase.getDay() + " " + phase.getPhase() + ": daemon work failed: " + e);
    }
    if (outgoing != null && !closed) {
      outgoing.onNext(
          SessionRequest.newBuilder()
              .setPhaseDone(
                  PhaseDone.newBuilder().setDay(phase.getDay()).setPhase(phase.getPhase()))
              .build());
    }
  }

  private void onBroken(long brokenGeneration, Throwable cause) {
    if (brokenGeneration != generation || closed) {
      return;
    }
    outgoing = null;
    Duration delay = backoff.next();
    log.accept(
        "market session ended ("
            + (cause == null ? "closed by the market" : cause.getMessage())
            + "); reconnecting in "
            + delay.toMillis()
            + " ms");
    worker.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private String describeRole() {
    return hello.getDaemonRole().name().replace("DAEMON_ROLE_", "").toLowerCase();
  }

  /** Leaves the market and stops reconnecting. */
  @Override
  public void close() {
    closed = true;
    worker.execute(
        () -> {
          if (outgoing != null) {
            outgoing.onCompleted();
            outgoing = null;
          }
        });
    worker.shutdown();
    try {
      if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Moves the stream's callbacks onto the worker thread. */
  private final class Events implements StreamObserver<SessionEvent> {
    private final long streamGeneration;

    Events(long streamGeneration) {
      this.streamGeneration = streamGeneration;
    }

    @Override
    public void onNext(SessionEvent event) {
      submit(() -> onEvent(streamGeneration, event));
    }

    @Override
    public void onError(Throwable t) {
      submit(() -> onBroken(streamGeneration, t));
    }

    @Override
    public void onCompleted() {
      submit(() -> onBroken(streamGeneration, null));
    }

    private void submit(Runnable task) {
      if (!worker.isShutdown()) {
        worker.execute(task);
      }
    }
  }
}

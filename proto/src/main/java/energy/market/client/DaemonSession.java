package energy.market.client;

import energy.market.api.v1.DaemonRole;
import energy.market.api.v1.PhaseDone;
import energy.market.api.v1.PhaseStarted;
import energy.market.api.v1.SessionEvent;
import energy.market.api.v1.SessionHello;
import energy.market.api.v1.SessionRequest;
import energy.market.model.PhaseStart;
import io.grpc.Channel;
import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A daemon's session with the market's day clock (the weather and external daemons use it).
 *
 * <p>It opens {@code Market/Connect} with the daemon's role and the operator's credentials, hands
 * every phase to the {@link PhaseHandler}, and answers {@code PhaseDone} once the handler returns,
 * so the market can close the phase without waiting for its deadline. A {@link SessionLoop}
 * reconnects it with backoff, on one thread, so a handler may block on unary calls.
 */
public final class DaemonSession implements AutoCloseable {

  /** What a daemon does in a phase. */
  @FunctionalInterface
  public interface PhaseHandler {
    /**
     * Does the daemon's work for a phase; returns once that work is acknowledged by the market. An
     * exception is logged and the phase is still reported done, so the day goes on.
     */
    void onPhase(PhaseStart phase) throws Exception;
  }

  private final SessionLoop loop;

  private DaemonSession(
      Channel channel,
      MarketCredentials credentials,
      SessionHello hello,
      PhaseHandler phases,
      Consumer<String> log) {
    String role = hello.getDaemonRole().name().replace("DAEMON_ROLE_", "").toLowerCase(Locale.ROOT);
    this.loop =
        new SessionLoop(
            channel,
            credentials,
            "daemon-session-" + role,
            new SessionLoop.Handler() {
              @Override
              public SessionHello connecting() {
                return hello;
              }

              @Override
              public void onEvent(SessionEvent event) {
                switch (event.getKindCase()) {
                  case WELCOME -> {
                    loop.resetBackoff();
                    log.accept("connected to the market as the " + role + " daemon");
                  }
                  case PHASE_STARTED -> handle(event.getPhaseStarted(), phases, log);
                  default -> {
                    // Daemons need only the phases; ticks and results are for homes.
                  }
                }
              }

              @Override
              public void onLost(Status status, Duration retryIn) {
                log.accept(
                    "market session ended ("
                        + (status.getDescription() == null
                            ? status.getCode().toString()
                            : status.getDescription())
                        + "); reconnecting within "
                        + retryIn.toMillis()
                        + " ms");
              }
            });
  }

  /**
   * Starts following the market's day clock.
   *
   * @param channel the channel to the market (the caller owns and shuts it down)
   * @param role the daemon's role
   * @param operatorToken the operator token, presented as the session's credentials
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
    SessionHello hello = SessionHello.newBuilder().setDaemonRole(role).setLabel(label).build();
    DaemonSession session =
        new DaemonSession(channel, MarketCredentials.operator(operatorToken), hello, handler, log);
    session.loop.start();
    return session;
  }

  private void handle(PhaseStarted phase, PhaseHandler phases, Consumer<String> log) {
    try {
      phases.onPhase(phaseStart(phase));
    } catch (Exception e) {
      log.accept("day " + phase.getDay() + " " + phase.getPhase() + ": daemon work failed: " + e);
    }
    loop.send(
        SessionRequest.newBuilder()
            .setPhaseDone(PhaseDone.newBuilder().setDay(phase.getDay()).setPhase(phase.getPhase()))
            .build());
  }

  private static PhaseStart phaseStart(PhaseStarted phase) {
    Optional<Instant> deadline =
        phase.hasDeadline()
            ? Optional.of(
                Instant.ofEpochSecond(
                    phase.getDeadline().getSeconds(), phase.getDeadline().getNanos()))
            : Optional.empty();
    return new PhaseStart(phase.getDay(), ContractEnums.phase(phase.getPhase()), deadline);
  }

  /** Leaves the market and stops reconnecting. */
  @Override
  public void close() {
    loop.close();
  }
}

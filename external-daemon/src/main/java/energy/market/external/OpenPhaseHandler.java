package energy.market.external;

import energy.market.client.DaemonSession;
import energy.market.model.Phase;
import energy.market.model.PhaseStart;
import java.time.Clock;
import java.time.Duration;

/**
 * Adapts the market's day clock to {@link RandomMode}: when a day's OPEN phase starts, the day's
 * random events are fired and awaited until the phase's deadline; other phases need nothing. {@link
 * DaemonSession} answers {@code PhaseDone} when this returns.
 */
public final class OpenPhaseHandler implements DaemonSession.PhaseHandler {

  /** How long to wait for acknowledgments when the market sets no deadline. */
  static final Duration NO_DEADLINE_BUDGET = Duration.ofSeconds(5);

  /**
   * The shortest wait, even when the deadline is closer. A short day gives OPEN only a few tens of
   * milliseconds; an event acknowledged a little after OPEN still moves that day's close (the
   * market counts it for the day it arrived), so waiting a little longer keeps random runs
   * deterministic, at worst delaying this daemon's answer to the next phase.
   */
  static final Duration MIN_BUDGET = Duration.ofMillis(250);

  /** The longest wait, whatever the deadline says. */
  static final Duration MAX_BUDGET = Duration.ofSeconds(30);

  private final RandomMode randomMode;
  private final Clock clock;

  /**
   * @param randomMode the day's work
   * @param clock compares the phase's deadline with now
   */
  public OpenPhaseHandler(RandomMode randomMode, Clock clock) {
    this.randomMode = randomMode;
    this.clock = clock;
  }

  @Override
  public void onPhase(PhaseStart phase) throws InterruptedException {
    if (phase.phase() == Phase.OPEN) {
      randomMode.openDay(phase.day(), budget(phase));
    }
  }

  Duration budget(PhaseStart phase) {
    if (phase.deadline().isEmpty()) {
      return NO_DEADLINE_BUDGET;
    }
    Duration left = Duration.between(clock.instant(), phase.deadline().get());
    if (left.compareTo(MIN_BUDGET) < 0) {
      return MIN_BUDGET;
    }
    return left.compareTo(MAX_BUDGET) > 0 ? MAX_BUDGET : left;
  }
}

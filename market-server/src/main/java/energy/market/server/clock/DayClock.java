package energy.market.server.clock;

import energy.market.model.Phase;
import energy.market.server.clock.Scheduler.Cancellable;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The market's day clock: OPEN, GIFT, TRADE and CLOSE, each ended when every participant it waits
 * for is done or its deadline passes; then the next day, at the pace's rhythm.
 *
 * <p>The clock only keeps time and counts who is still pending; the {@link Listener} does the
 * phases' work. A phase's end may be asynchronous (trades still finishing): the listener calls
 * {@code proceed} when done. Every method runs on the scheduler's thread.
 */
public final class DayClock {

  /** Does the work of each phase. */
  public interface Listener {
    /**
     * A phase began; returns the participants to wait for (an empty set ends the phase at once).
     *
     * @param deadline when the phase ends at the latest
     */
    Set<Object> phaseStarted(long day, Phase phase, Instant deadline);

    /**
     * A phase ended (all done, or the deadline passed). Call {@code proceed} exactly once, on the
     * scheduler's thread, when the phase's closing work is done.
     *
     * @param pending the participants that did not finish in time
     */
    void phaseEnded(long day, Phase phase, Set<Object> pending, Runnable proceed);

    /** The clock stopped after its last day. */
    void finished(long lastDay);
  }

  private final Pace pace;
  private final long lastDay;
  private final Scheduler scheduler;
  private final Listener listener;
  private final Set<Object> pending = new HashSet<>();
  private long day;
  private Phase phase;
  private Instant dayStartedAt;
  private Cancellable deadline;
  private boolean ending;
  private boolean stopped;

  /**
   * @param pace the pace of days and phase deadlines
   * @param firstDay the first day to run (1, or the day after the last closed one)
   * @param lastDay the last day to run; {@link Long#MAX_VALUE} for no end
   */
  public DayClock(Pace pace, long firstDay, long lastDay, Scheduler scheduler, Listener listener) {
    if (firstDay < 1) {
      throw new IllegalArgumentException("first day must be at least 1, got " + firstDay);
    }
    this.pace = pace;
    this.day = firstDay - 1;
    this.lastDay = lastDay;
    this.scheduler = scheduler;
    this.listener = listener;
  }

  /** Starts the first day now. */
  public void start() {
    scheduler.schedule(Duration.ZERO, this::startNextDay);
  }

  /** Stops after the current phase's work; no further phase starts. */
  public void stop() {
    stopped = true;
    if (deadline != null) {
      deadline.cancel();
    }
  }

  /** The day in progress (0 before the first). */
  public long day() {
    return day;
  }

  /** The phase in progress, or null before the first day. */
  public Phase phase() {
    return phase;
  }

  /** The pace. */
  public Pace pace() {
    return pace;
  }

  /** A participant finished {@code phase} of {@code day}; stale reports are ignored. */
  public void done(Object participant, long reportedDay, Phase reportedPhase) {
    if (reportedDay == day && reportedPhase == phase && pending.remove(participant)) {
      endIfNobodyPending();
    }
  }

  /** A participant left; the clock stops waiting for it. */
  public void gone(Object participant) {
    if (pending.remove(participant)) {
      endIfNobodyPending();
    }
  }

  private void startNextDay() {
    if (stopped) {
      return;
    }
    if (day >= lastDay) {
      stopped = true;
      listener.finished(day);
      return;
    }
    day++;
    dayStartedAt = scheduler.now();
    startPhase(Phase.OPEN);
  }

  private void startPhase(Phase next) {
    phase = next;
    ending = false;
    Duration limit = pace.deadline(next);
    Instant at = scheduler.now().plus(limit);
    pending.clear();
    pending.addAll(listener.phaseStarted(day, next, at));
    if (pending.isEmpty()) {
      endPhase();
      return;
    }
    long thisDay = day;
    Phase thisPhase = next;
    deadline =
        scheduler.schedule(
            limit,
            () -> {
              if (thisDay == day && thisPhase == phase && !ending) {
                endPhase();
              }
            });
  }

  private void endIfNobodyPending() {
    if (pending.isEmpty() && !ending) {
      endPhase();
    }
  }

  private void endPhase() {
    ending = true;
    if (deadline != null) {
      deadline.cancel();
      deadline = null;
    }
    Set<Object> late = Set.copyOf(pending);
    pending.clear();
    long endedDay = day;
    Phase ended = phase;
    listener.phaseEnded(endedDay, ended, late, () -> afterPhase(endedDay, ended));
  }

  private void afterPhase(long endedDay, Phase ended) {
    if (endedDay != day || ended != phase || stopped) {
      return;
    }
    Phase next = ended.next();
    if (next != null) {
      startPhase(next);
      return;
    }
    Duration wait =
        pace.isFast()
            ? Duration.ZERO
            : Duration.between(scheduler.now(), dayStartedAt.plus(pace.dayLength()));
    scheduler.schedule(wait.isNegative() ? Duration.ZERO : wait, this::startNextDay);
  }
}

package energy.market.external;

import energy.market.model.EventKind;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Random mode's work when a day opens: roll the day's events, raise each one's real signal on this
 * process in catalog order (so they travel the same path as a person's {@code kill}), then wait,
 * within a budget, until the market has acknowledged them, so the day's events count for that day
 * and reach it in the same order in every run.
 */
public final class RandomMode {

  /** Raises the real signal of an event kind on this process. */
  @FunctionalInterface
  public interface Raiser {
    /**
     * @return true when a signal was raised; false when the kind's signal could not be installed
     */
    boolean raise(EventKind kind);
  }

  private final RandomDays days;
  private final long seed;
  private final Raiser raiser;
  private final EventIntake intake;
  private final Outbox outbox;
  private final Consumer<String> log;

  /**
   * @param days the dice
   * @param seed the seed the dice were made with, for the event ids
   * @param raiser raises the real signal
   * @param intake gives raised events their ids
   * @param outbox where the events wait for the market
   * @param log where one line per day with events goes
   */
  public RandomMode(
      RandomDays days,
      long seed,
      Raiser raiser,
      EventIntake intake,
      Outbox outbox,
      Consumer<String> log) {
    this.days = days;
    this.seed = seed;
    this.raiser = raiser;
    this.intake = intake;
    this.outbox = outbox;
    this.log = log;
  }

  /**
   * Fires the day's events and waits at most {@code budget} for the market to acknowledge them.
   *
   * @return the kinds that fired, in catalog order
   */
  public List<EventKind> openDay(long day, Duration budget) throws InterruptedException {
    long deadline = System.nanoTime() + budget.toNanos();
    List<EventKind> fired = days.firedOn(day);
    if (fired.isEmpty()) {
      return fired;
    }
    String note = "(random mode, seed " + seed + ", day " + day + ")";
    boolean handled = true;
    for (EventKind kind : fired) {
      intake.expect(kind, RandomDays.eventId(seed, day, kind), note);
      if (!raiser.raise(kind)) {
        // Its signal could not be installed; report it all the same, without a signal.
        intake.raised(kind, "no signal handler for " + kind.label());
      }
      // The JVM runs each caught signal's handler on a thread of its own, so two signals raised
      // back to back may be queued in either order; one at a time keeps the catalog order.
      handled &= intake.awaitExpected(left(deadline));
    }
    boolean delivered = handled && outbox.awaitDelivered(outbox.lastSequence(), left(deadline));
    log.accept(
        "day "
            + day
            + ": random mode raised "
            + fired.stream().map(EventKind::label).collect(Collectors.joining(", "))
            + (delivered
                ? "; the market has acknowledged them"
                : "; not acknowledged in time, they stay queued"));
    return fired;
  }

  private static Duration left(long deadlineNanos) {
    return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
  }
}

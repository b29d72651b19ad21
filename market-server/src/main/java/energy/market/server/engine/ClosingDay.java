package energy.market.server.engine;

import energy.market.server.ledger.ClosedDay;
import java.util.ArrayList;
import java.util.List;

/**
 * A day settled and handed to the ledger, whose commit is still under way. The next day's OPEN may
 * begin meanwhile for the daemons (the weather's round trip needs nothing from the close), but the
 * close and whatever builds on it wait here until the ledger kept it: the homes' OPEN message, the
 * end of that OPEN, the end of the run. Changed on the market thread only; other threads read only
 * its {@link #state()}.
 */
final class ClosingDay {
  private final ClosedDay closed;
  private final DayState state;
  private PhaseInfo heldOpening;
  private final List<Runnable> onceKept = new ArrayList<>();

  /**
   * @param closed what the ledger is keeping
   * @param state the day it settled
   */
  ClosingDay(ClosedDay closed, DayState state) {
    this.closed = closed;
    this.state = state;
  }

  /** What the ledger is keeping. */
  ClosedDay closed() {
    return closed;
  }

  /** The day it settled. */
  DayState state() {
    return state;
  }

  /** The next day's OPEN, told to the homes' sessions only after the close. */
  void holdOpening(PhaseInfo opening) {
    heldOpening = opening;
  }

  /** The held OPEN, or null when the next day has not opened. */
  PhaseInfo heldOpening() {
    return heldOpening;
  }

  /** Runs {@code work} once the close is kept and told. */
  void onceKept(Runnable work) {
    onceKept.add(work);
  }

  /** The work waiting for the close, in the order it came. */
  List<Runnable> waiting() {
    return List.copyOf(onceKept);
  }
}

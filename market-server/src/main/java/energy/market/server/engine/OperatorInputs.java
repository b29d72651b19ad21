package energy.market.server.engine;

import energy.market.model.EventKind;
import energy.market.model.Phase;
import energy.market.server.access.Caller;
import energy.market.server.feed.ReplayFeed;
import energy.market.server.ledger.Ledger;
import energy.market.server.ledger.LedgerException;
import energy.market.server.price.EventBook;
import energy.market.server.price.MarketEventRecord;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * What the operator's daemons feed the market: the day's temperature and external events. Runs on
 * the market thread.
 */
final class OperatorInputs {
  private static final Logger LOG = Logger.getLogger(OperatorInputs.class.getName());

  /** The range of temperatures a weather report may carry. */
  static final double MIN_CELSIUS = -90;

  static final double MAX_CELSIUS = 60;

  private final CurrentDay current;
  private final EventBook events;
  private final ReplayFeed<MarketEventRecord> eventFeed;
  private final Ledger ledger;
  private final MarketRun run;
  private final Clock wallClock;

  OperatorInputs(
      CurrentDay current,
      EventBook events,
      ReplayFeed<MarketEventRecord> eventFeed,
      Ledger ledger,
      MarketRun run,
      Clock wallClock) {
    this.current = current;
    this.events = events;
    this.eventFeed = eventFeed;
    this.ledger = ledger;
    this.run = run;
    this.wallClock = wallClock;
  }

  /**
   * The weather daemon's temperature for a day; applies only during that day's OPEN.
   *
   * @throws IllegalArgumentException for any day but the current one ({@link CurrentDay#require})
   * @return true when it set the day's temperature
   */
  boolean reportWeather(Caller caller, long day, double celsius) {
    caller.requireOperator("reporting the weather");
    if (!Double.isFinite(celsius) || celsius < MIN_CELSIUS || celsius > MAX_CELSIUS) {
      throw new IllegalArgumentException(
          "temperature "
              + celsius
              + " C is not allowed; expected a finite number in "
              + MIN_CELSIUS
              + ".."
              + MAX_CELSIUS);
    }
    DayState state = current.require(day);
    if (current.phase() != Phase.OPEN || state.weatherFixed()) {
      // The current day past its OPEN: a late report, which the day no longer takes.
      return false;
    }
    state.reportWeather(celsius);
    return true;
  }

  /** An external event; idempotent by id; moves the price from the current day's close. */
  EventBook.Accepted reportEvent(Caller caller, String eventId, EventKind kind, String source) {
    caller.requireOperator("reporting an event");
    long startDay = current.eventStartDay();
    EventBook.Accepted accepted =
        events.accept(eventId, kind, source, startDay, wallClock.instant());
    if (!accepted.duplicate()) {
      try {
        ledger.eventAccepted(accepted.event());
      } catch (LedgerException e) {
        run.ledgerFailed(e);
        throw e;
      }
      eventFeed.publish(accepted.event());
      LOG.info(
          "event "
              + eventId
              + " ("
              + kind.label()
              + ") accepted; moves the price from day "
              + startDay);
    }
    return accepted;
  }
}

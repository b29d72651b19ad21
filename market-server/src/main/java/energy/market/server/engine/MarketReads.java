package energy.market.server.engine;

import energy.market.model.Phase;
import energy.market.server.access.Caller;
import energy.market.server.day.Account;
import energy.market.server.feed.ReplayFeed;
import energy.market.server.feed.Tick;
import energy.market.server.homes.Home;
import energy.market.server.homes.HomeRegistry;
import energy.market.server.homes.NotFoundException;
import energy.market.server.homes.PermissionDeniedException;
import energy.market.server.input.Quote;
import energy.market.server.price.EventBook;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The read side: accounts, the one-shot view and where a feed may start. Reads only state that is
 * safe to read from any thread, so readers never queue on the market thread.
 */
final class MarketReads {
  private final HomeRegistry registry;
  private final Map<Long, Account> accounts;
  private final SessionTable sessions;
  private final CurrentDay current;
  private final EventBook events;
  private final ReplayFeed<Tick> ticks;
  private final TradeDesk trades;
  private final Duration dayLength;

  MarketReads(
      HomeRegistry registry,
      Map<Long, Account> accounts,
      SessionTable sessions,
      CurrentDay current,
      EventBook events,
      ReplayFeed<Tick> ticks,
      TradeDesk trades,
      Duration dayLength) {
    this.registry = registry;
    this.accounts = accounts;
    this.sessions = sessions;
    this.current = current;
    this.events = events;
    this.ticks = ticks;
    this.trades = trades;
    this.dayLength = dayLength;
  }

  /**
   * A home's account as of the last close, found by id or, when the id is 0, by name.
   *
   * @throws IllegalArgumentException when neither is given
   * @throws NotFoundException when no such home is registered
   */
  AccountView account(Caller caller, long homeId, String name) {
    if (homeId == 0 && name.isEmpty()) {
      throw new IllegalArgumentException("give a home_id or a name");
    }
    Optional<Home> home = homeId != 0 ? registry.byId(homeId) : registry.byName(name);
    String which = homeId != 0 ? "home " + homeId : "home " + Quote.prefix(name);
    if (!caller.isOperator()) {
      // A home learns nothing of other homes, not even whether they exist.
      home = home.filter(caller::mayRead);
      if (home.isEmpty()) {
        throw new PermissionDeniedException(
            which
                + " is not registered with the secret of this call's credentials; a home reads its"
                + " own account, the operator any");
      }
    }
    Home found = home.orElseThrow(() -> new NotFoundException("no " + which));
    return new AccountView(
        found,
        accounts.getOrDefault(found.id(), Account.empty(found.id())),
        sessions.isConnected(found.id()));
  }

  /** A one-shot view of the market. */
  MarketSnapshot snapshot() {
    DayState state = current.state();
    Phase phase = current.phase();
    long day = current.number();
    ClosingDay closing = current.closing();
    if (closing != null) {
      // The next day may have opened for the daemons; nothing of the close is shown before it is
      // kept.
      state = closing.state();
      phase = Phase.CLOSE;
      day = state.day();
    }
    return new MarketSnapshot(
        day,
        phase,
        // The day in progress keeps the price it traded at through its CLOSE, as its tick's
        // traded price says; the price set at the close is in last_tick until the next day opens.
        state == null ? current.priceMicro() : state.priceMicro(),
        state == null ? current.lastTemperature() : state.temperatureCelsius(),
        registry.size(),
        sessions.homesConnected(),
        events.effectsOn(Math.max(1, day)),
        ticks.latest(),
        trades.inFlight(),
        trades.maxConcurrent(),
        dayLength);
  }

  /**
   * Checks where the price feed may start: 0 (live only) or a day up to the next close.
   *
   * @throws IllegalArgumentException for any other
   */
  void requirePriceFeedStart(long fromDay) {
    Tick latest = ticks.latest();
    requireFeedStart(fromDay, (latest == null ? 0 : latest.day()) + 1);
  }

  /**
   * Checks where the event feed may start: 0 (live only) or a day up to the first day an event
   * accepted now moves (the next close).
   *
   * @throws IllegalArgumentException for any other
   */
  void requireEventFeedStart(long fromDay) {
    requireFeedStart(fromDay, current.eventStartDay());
  }

  /** The one rule for every feed: a feed replays what exists or is about to, never the future. */
  private static void requireFeedStart(long fromDay, long nextClose) {
    if (fromDay < 0 || fromDay > nextClose) {
      throw new IllegalArgumentException(
          "from_day "
              + fromDay
              + " is not allowed; use 0 for live only, or 1.."
              + nextClose
              + " (the next close)");
    }
  }
}

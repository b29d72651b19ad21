package energy.market.server.engine;

import energy.market.model.Phase;
import energy.market.server.clock.DayClock;
import energy.market.server.day.Account;
import energy.market.server.day.BooksViolation;
import energy.market.server.day.Declaration;
import energy.market.server.day.GiftMatcher;
import energy.market.server.day.GiftOutcome;
import energy.market.server.day.HomeDay;
import energy.market.server.day.TradeRecord;
import energy.market.server.feed.ReplayFeed;
import energy.market.server.feed.Tick;
import energy.market.server.homes.Home;
import energy.market.server.homes.HomeRegistry;
import energy.market.server.ledger.ClosedDay;
import energy.market.server.ledger.Ledger;
import energy.market.server.ledger.LedgerException;
import energy.market.server.ledger.OpenDay;
import energy.market.server.price.EventBook;
import energy.market.server.price.PriceModel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The day clock's listener: opens each day with the homes taking part, tells every session when a
 * phase starts, and does the market's own work when a phase ends (the gift round, the day's close).
 * Runs on the market thread.
 */
final class DayCycle implements DayClock.Listener {
  private static final Logger LOG = Logger.getLogger(DayCycle.class.getName());

  private final MarketThread thread;
  private final CurrentDay current;
  private final SessionTable sessions;
  private final HomeRegistry registry;
  private final Map<Long, Account> accounts;
  private final EventBook events;
  private final PriceModel priceModel;
  private final GiftMatcher matcher;
  private final Ledger ledger;
  private final ReplayFeed<Tick> ticks;
  private final MarketRun run;
  private final Clock wallClock;
  // The day that was in progress when the market stopped, until it opens again.
  private OpenDay resumedDay;
  private List<TradeRecord> resumedTrades;

  DayCycle(
      MarketThread thread,
      CurrentDay current,
      SessionTable sessions,
      HomeRegistry registry,
      Map<Long, Account> accounts,
      EventBook events,
      PriceModel priceModel,
      GiftMatcher matcher,
      Ledger ledger,
      ReplayFeed<Tick> ticks,
      MarketRun run,
      Clock wallClock) {
    this.thread = thread;
    this.current = current;
    this.sessions = sessions;
    this.registry = registry;
    this.accounts = accounts;
    this.events = events;
    this.priceModel = priceModel;
    this.matcher = matcher;
    this.ledger = ledger;
    this.ticks = ticks;
    this.run = run;
    this.wallClock = wallClock;
  }

  /**
   * The day that was in progress when the market stopped: it re-runs from its GIFT's close when it
   * opens again.
   */
  void resume(OpenDay openDay, List<TradeRecord> keptTrades) {
    this.resumedDay = openDay;
    this.resumedTrades = keptTrades;
  }

  @Override
  public Set<Object> phaseStarted(long day, Phase phase, Instant deadline) {
    current.phaseStarted(day, phase);
    Set<Object> waitFor = new LinkedHashSet<>();
    switch (phase) {
      case OPEN -> {
        DayState state =
            resumedDay != null && resumedDay.day() == day
                ? resumeDay(resumedDay)
                : new DayState(day, current.priceMicro(), current.lastTemperature());
        for (long homeId : sessions.connectedHomes()) {
          if (state.home(homeId).isEmpty()) {
            registry.byId(homeId).ifPresent(home -> state.addHome(new HomeDay(home, day)));
          }
        }
        current.opened(state);
        sessions.all().stream().filter(Session::isDaemon).forEach(waitFor::add);
      }
      case GIFT, TRADE -> {
        if (phase == Phase.TRADE) {
          current.state().gate().open();
        }
        // A session that joined too late for today sends nothing for it: no need to wait.
        for (Session session : sessions.all()) {
          if (!session.isDaemon()
              && session.firstDay() <= day
              && current.state().takesPart(session)) {
            waitFor.add(session);
          }
        }
      }
      case CLOSE -> {
        // The close is the market's own work, done when the phase ends at once.
      }
    }
    LOG.fine(
        () ->
            "day "
                + day
                + " "
                + phase
                + " began: waiting for "
                + waitFor.size()
                + (waitFor.size() == 1 ? " session" : " sessions")
                + " until "
                + deadline);
    DayState state = current.state();
    PhaseInfo info =
        new PhaseInfo(
            day,
            phase,
            state.temperatureCelsius(),
            !state.weatherReported(),
            state.priceMicro(),
            deadline);
    tell(info, true);
    ClosingDay closing = current.closing();
    if (phase == Phase.OPEN && closing != null) {
      // The homes hear of the new day after the close it follows, once it is kept.
      closing.holdOpening(info);
    } else {
      tell(info, false);
    }
    return waitFor;
  }

  /** Tells the daemons' sessions, or the homes' sessions, that a phase started. */
  private void tell(PhaseInfo info, boolean daemons) {
    for (Session session : sessions.all()) {
      if (session.isDaemon() == daemons) {
        session.sink().phaseStarted(info);
      }
    }
  }

  /**
   * The day that was in progress when the market stopped, as it stood when its GIFT closed: same
   * price and weather, every declared home with its gifts (connected or not: the others' gifts
   * depend on them), and the trades kept before the restart.
   */
  private DayState resumeDay(OpenDay open) {
    DayState state = new DayState(open.day(), open.priceMicro(), open.temperatureCelsius());
    state.keepRecordedWeather(open.weatherStale());
    for (Declaration declaration : open.homes()) {
      Home home =
          registry
              .byId(declaration.homeId())
              .orElseThrow(() -> new IllegalStateException("unknown home " + declaration.homeId()));
      state.addHome(HomeDay.restored(home, open.day(), declaration));
    }
    for (TradeRecord trade : resumedTrades) {
      state.home(trade.homeId()).orElseThrow().restoreTrade(trade);
    }
    state.recordTrades(resumedTrades);
    LOG.info(
        "day "
            + open.day()
            + " resumes with the gifts of "
            + open.homes().size()
            + " homes and "
            + resumedTrades.size()
            + " trades kept before the restart");
    resumedDay = null;
    resumedTrades = List.of();
    return state;
  }

  @Override
  public void phaseEnded(long day, Phase phase, Set<Object> pending, Runnable proceed) {
    LOG.fine(
        () ->
            "day "
                + day
                + " "
                + phase
                + " ended"
                + (pending.isEmpty() ? "" : " with " + pending.size() + " late: " + pending));
    DayState today = current.state();
    switch (phase) {
      case OPEN -> {
        if (!today.weatherReported()) {
          LOG.fine(
              () ->
                  "day "
                      + day
                      + ": no weather report; keeping "
                      + current.lastTemperature()
                      + " C");
        }
        // GIFT tells the homes the day's price, set by the close: only once that is kept.
        onceKept(proceed);
      }
      case GIFT -> {
        try {
          giftRound(today);
        } catch (LedgerException e) {
          run.ledgerFailed(e);
          return;
        }
        proceed.run();
      }
      case TRADE -> today.gate().close(() -> thread.run(proceed));
      case CLOSE -> {
        try {
          close(today);
        } catch (BooksViolation e) {
          run.booksViolated(e);
          return;
        }
        proceed.run();
      }
    }
  }

  @Override
  public void finished(long lastDay) {
    onceKept(() -> run.ranAllDays(lastDay));
  }

  /** Runs {@code work} now, or once the day being closed is kept and told. */
  private void onceKept(Runnable work) {
    ClosingDay closing = current.closing();
    if (closing == null) {
      work.run();
    } else {
      closing.onceKept(work);
    }
  }

  /** Matches the gifts, keeps the day before any trade builds on it, and tells the sessions. */
  private void giftRound(DayState state) {
    GiftRound.Result round = GiftRound.play(matcher, state);
    ledger.giftsMatched(round.openDay());
    Map<Session, List<GiftOutcome>> bySession = new HashMap<>();
    for (GiftOutcome outcome : round.outcomes()) {
      Session session = sessions.sessionOf(outcome.homeId());
      if (session != null) {
        bySession.computeIfAbsent(session, s -> new ArrayList<>()).add(outcome);
      }
    }
    for (Session session : sessions.all()) {
      if (!session.isDaemon() && state.takesPart(session)) {
        session.sink().giftResults(state.day(), bySession.getOrDefault(session, List.of()));
      }
    }
  }

  /**
   * Settles the day and hands it to the ledger, then publishes it once kept: nothing is told before
   * the ledger kept it. The clock goes on meanwhile, so the daemons' part of the next OPEN overlaps
   * the commit; see {@link ClosingDay}.
   */
  private void close(DayState state) {
    ClosedDay closed =
        DaySettlement.settle(
            state, accounts, events.effectsOn(state.day()), priceModel, wallClock.instant());
    current.closed(closed.tick().priceMicro(), state.temperatureCelsius());
    sessions.countMissedDays(closed.homes());
    events.expireBefore(state.day() + 1);
    ClosingDay day = new ClosingDay(closed, state);
    current.closing(day);
    ledger.dayKept(closed).whenComplete((kept, failure) -> thread.run(() -> kept(day, failure)));
  }

  /** The ledger kept a closed day (or failed to): tells it, then what waited for it. */
  private void kept(ClosingDay day, Throwable failure) {
    if (failure != null) {
      run.ledgerFailed(Failures.cause(failure));
      return;
    }
    current.closing(null);
    publish(day.closed(), day.state());
    if (day.heldOpening() != null) {
      tell(day.heldOpening(), false);
    }
    day.waiting().forEach(Runnable::run);
  }

  /** Tells a kept close: the accounts, the tick, each session's balances and the tick. */
  private void publish(ClosedDay closed, DayState state) {
    for (Account account : closed.accounts()) {
      accounts.put(account.homeId(), account);
    }
    Tick tick = closed.tick();
    ticks.publish(tick);
    for (Session session : sessions.all()) {
      if (!session.isDaemon() && session.noteClose()) {
        session.sink().balances(state.day(), accountsOf(session));
      }
      session.sink().dayClosed(tick);
    }
  }

  /** The accounts of a session's homes as of the close just made (empty for a home with none). */
  private List<Account> accountsOf(Session session) {
    List<Account> of = new ArrayList<>(session.homes().size());
    for (long homeId : session.homes()) {
      of.add(accounts.getOrDefault(homeId, Account.empty(homeId)));
    }
    return of;
  }
}

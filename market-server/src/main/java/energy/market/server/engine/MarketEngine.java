package energy.market.server.engine;

import energy.market.model.EventKind;
import energy.market.model.Phase;
import energy.market.model.Policy;
import energy.market.model.Side;
import energy.market.server.access.Authenticator;
import energy.market.server.access.Caller;
import energy.market.server.access.PeerRateLimit;
import energy.market.server.clock.DayClock;
import energy.market.server.day.Account;
import energy.market.server.day.GiftMatcher;
import energy.market.server.day.TradeIds;
import energy.market.server.day.TradeRecord;
import energy.market.server.feed.ReplayFeed;
import energy.market.server.feed.Tick;
import energy.market.server.homes.HomeRegistry;
import energy.market.server.ledger.Ledger;
import energy.market.server.ledger.ResumeState;
import energy.market.server.price.EventBook;
import energy.market.server.price.MarketEventRecord;
import energy.market.server.price.PriceModel;
import energy.market.server.trade.TradeExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The market, as the transport edge sees it: wires the parts that each do one job and hands every
 * call to the right one, on the right thread.
 *
 * <p>State changes happen on the one {@link MarketThread}; callers get futures, which carry every
 * failure (no method that answers with a future also throws). Trades are the exception by design:
 * the {@link TradeDesk} runs them on the bounded trade executor.
 *
 * <p>A market built from a {@link ResumeState} goes on where its ledger left off: homes, accounts,
 * events, the price history and the trade ids are restored, the clock starts at the day after the
 * last closed one, and that day, if its GIFT had closed before the restart, re-runs with the same
 * weather, declarations and gifts, its kept trades counted once under their request ids.
 */
public final class MarketEngine implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(MarketEngine.class.getName());

  private final MarketThread thread = new MarketThread();
  private final HomeRegistry registry = new HomeRegistry();
  private final Map<Long, Account> accounts = new ConcurrentHashMap<>();
  private final MarketRun run = new MarketRun();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Ledger ledger;
  private final EventBook events;
  private final ReplayFeed<Tick> ticks;
  private final ReplayFeed<MarketEventRecord> eventFeed;
  private final SessionTable sessions;
  private final DayClock clock;
  private final Lobby lobby;
  private final Registrations registrations;
  private final HomeIntake intake;
  private final TradeDesk trades;
  private final OperatorInputs operatorInputs;
  private final MarketReads reads;
  private final Authenticator authenticator;
  private final PeerRateLimit registrationsPerPeer;

  /**
   * @param settings the market's parameters
   * @param ledger where the books are kept
   * @param wallClock the wall clock for deadlines, day lengths and timestamps
   */
  public MarketEngine(MarketSettings settings, Ledger ledger, Clock wallClock) {
    this(settings, ledger, wallClock, ResumeState.EMPTY);
  }

  /**
   * A market that resumes where a ledger left off.
   *
   * @param resume what the ledger holds ({@link ResumeState#EMPTY} for a new market)
   */
  public MarketEngine(MarketSettings settings, Ledger ledger, Clock wallClock, ResumeState resume) {
    this.ledger = ledger;
    this.events = new EventBook(settings.events());
    this.ticks = new ReplayFeed<>(Tick::day, settings.feedMaxLag());
    this.eventFeed = new ReplayFeed<>(MarketEventRecord::startDay, settings.feedMaxLag());
    this.sessions = new SessionTable(settings.maxMissedDays());
    CurrentDay current = restore(resume, settings);
    DayCycle cycle =
        new DayCycle(
            thread,
            current,
            sessions,
            registry,
            accounts,
            events,
            new PriceModel(settings.price()),
            new GiftMatcher(settings.seed()),
            ledger,
            ticks,
            run,
            wallClock);
    resume.openDay().ifPresent(day -> cycle.resume(day, resume.openDayTrades()));
    this.clock =
        new DayClock(
            settings.pace(),
            resume.lastClosedDay() + 1,
            settings.days(),
            thread.scheduler(wallClock),
            cycle);
    // A market that stops (its books failed to balance or to be kept) opens no further phase.
    run.finished().whenComplete((lastDay, failure) -> stopClockAfter(failure));
    sessions.onLeave(clock::gone);
    this.authenticator =
        new Authenticator(settings.operatorToken(), settings.registration(), registry);
    this.registrationsPerPeer = settings.registration().perPeerLimit();
    this.lobby = new Lobby(registry, sessions, current, clock);
    this.registrations =
        new Registrations(
            thread, registry, accounts, ledger, current, run, settings.registration());
    this.intake = new HomeIntake(registry, sessions, current, clock, settings.homeCapacity());
    this.trades =
        new TradeDesk(
            thread,
            registry,
            current,
            new TradeExecutor(settings.maxConcurrentTrades(), settings.tradeQueue()),
            new TradeIds(resume.lastTradeId()),
            ledger,
            run,
            clock);
    this.operatorInputs = new OperatorInputs(current, events, eventFeed, ledger, run, wallClock);
    this.reads =
        new MarketReads(
            registry,
            accounts,
            sessions,
            current,
            events,
            ticks,
            trades,
            settings.pace().dayLength());
  }

  /** Restores what the ledger holds and says where the market stands. */
  private CurrentDay restore(ResumeState resume, MarketSettings settings) {
    resume.homes().forEach(registry::restore);
    resume.accounts().forEach(account -> accounts.put(account.homeId(), account));
    for (MarketEventRecord event : resume.events()) {
      events.restore(event);
      eventFeed.publish(event);
    }
    events.expireBefore(resume.lastClosedDay() + 1);
    resume.ticks().forEach(ticks::publish);
    return CurrentDay.after(resume.lastClosedDay(), ticks.latest(), settings.price());
  }

  private void stopClockAfter(Throwable failure) {
    if (failure != null) {
      clock.stop();
    }
  }

  /** Starts the day clock now. */
  public void start() {
    startWhen(0, 0);
  }

  /**
   * Starts the day clock once {@code homes} homes and {@code daemons} daemons are connected, so
   * that a run whose participants start together has them all from day 1 (and is reproducible).
   *
   * @throws IllegalArgumentException for a negative number
   */
  public void startWhen(int homes, int daemons) {
    StartGate.requireCounts(homes, daemons);
    thread.run(() -> lobby.startWhen(homes, daemons));
  }

  /** Checks the credentials calls present. */
  public Authenticator authenticator() {
    return authenticator;
  }

  /** How many new homes each peer address may register (a home's return is not counted). */
  public PeerRateLimit registrationsPerPeer() {
    return registrationsPerPeer;
  }

  /**
   * Registers a home, or gives back the one registered before under this name and secret; answers
   * once the ledger keeps the home. Fails with {@link
   * energy.market.server.homes.PermissionDeniedException} when registration is closed to the
   * caller.
   */
  public CompletableFuture<RegisteredHome> register(
      Caller caller, String name, Policy policy, String secret) {
    return registrations.register(caller, new HomeApplication(name, policy, secret));
  }

  /**
   * Registers many homes at once, each as {@link #register} would, with one ledger write for the
   * new ones; answers once they are kept, with an outcome for each home in order. Fails as a whole
   * when registration is closed to the caller or the ledger cannot keep the new homes.
   */
  public CompletableFuture<List<RegistrationOutcome>> registerAll(
      Caller caller, List<HomeApplication> homes) {
    return registrations.registerAll(caller, homes);
  }

  /**
   * Opens a session for homes registered before with the caller's secret. A home already in another
   * session moves to this one (a reconnecting process takes its homes back). Fails with {@link
   * energy.market.server.homes.PermissionDeniedException} when the caller does not hold the secret
   * of every home.
   */
  public CompletableFuture<Session> openHomeSession(
      Caller caller, Collection<Long> homeIds, boolean unary, String label, SessionSink sink) {
    return thread.call(() -> lobby.admitHomes(caller, homeIds, unary, label, sink));
  }

  /**
   * Opens a daemon session. Fails with {@link energy.market.server.homes.PermissionDeniedException}
   * unless the caller is the operator.
   */
  public CompletableFuture<Session> openDaemonSession(
      Caller caller, Session.Kind kind, String label, SessionSink sink) {
    return thread.call(() -> lobby.admitDaemon(caller, kind, label, sink));
  }

  /** A session's stream ended: its homes leave and the clock stops waiting for it. */
  public void closeSession(Session session) {
    thread.run(() -> sessions.close(session));
  }

  /** A daemon (or a session of homes) finished a phase. */
  public void phaseDone(Session session, long day, Phase phase) {
    thread.run(() -> clock.done(session, day, phase));
  }

  /** A session's GIFT batch: declarations, offers and claims. Bad entries are skipped, logged. */
  public void dayReports(Session session, long day, List<HomeReport> reports) {
    thread.run(() -> intake.dayReports(session, day, reports));
  }

  /** One home declares its day through a unary call; answers its net energy. */
  public CompletableFuture<Long> declareDay(
      Caller caller, long homeId, long day, long producedWh, long consumedWh) {
    return thread.call(() -> intake.declareDay(caller, homeId, day, producedWh, consumedWh));
  }

  /** One home offers a gift through a unary call; answers its total offer. */
  public CompletableFuture<Long> offer(Caller caller, long homeId, long day, long wh) {
    return thread.call(() -> intake.offer(caller, homeId, day, wh));
  }

  /** One home claims gifts through a unary call; answers its total claim. */
  public CompletableFuture<Long> claim(Caller caller, long homeId, long day, long wh) {
    return thread.call(() -> intake.claim(caller, homeId, day, wh));
  }

  /** A unary home is done with a phase. */
  public CompletableFuture<Void> finishPhase(Caller caller, long homeId, long day, Phase phase) {
    return thread.call(
        () -> {
          intake.finishPhase(caller, homeId, day, phase);
          return null;
        });
  }

  /**
   * One trade through a unary call, on the bounded executor; fails with {@link
   * energy.market.server.trade.OverloadedException} when its queue is full.
   */
  public CompletableFuture<TradeRecord> trade(
      Caller caller, long homeId, long day, Side side, long wh, String requestId) {
    return trades.trade(caller, homeId, day, side, wh, requestId);
  }

  /**
   * A session's TRADE batch; its results go back to the session when all have run. Each order that
   * cannot run is refused alone, the others run.
   *
   * @param refused orders of the batch the transport could not read, reported with the results
   */
  public void tradeOrders(
      Session session, long day, List<TradeOrder> orders, List<TradeRejection> refused) {
    thread.run(() -> trades.tradeOrders(session, day, orders, refused));
  }

  /**
   * The weather daemon's temperature for a day; applies only during that day's OPEN.
   *
   * @return true (in the future) when it set the day's temperature
   */
  public CompletableFuture<Boolean> reportWeather(Caller caller, long day, double celsius) {
    return thread.call(() -> operatorInputs.reportWeather(caller, day, celsius));
  }

  /** An external event; idempotent by id; moves the price from the current day's close. */
  public CompletableFuture<EventBook.Accepted> reportEvent(
      Caller caller, String eventId, EventKind kind, String source) {
    return thread.call(() -> operatorInputs.reportEvent(caller, eventId, kind, source));
  }

  /** The price ticks, replayable. */
  public ReplayFeed<Tick> ticks() {
    return ticks;
  }

  /** The accepted events, replayable. */
  public ReplayFeed<MarketEventRecord> events() {
    return eventFeed;
  }

  /**
   * The price ticks to follow from {@code fromDay}: 0 (live only) or a day up to the next close.
   */
  public CompletableFuture<ReplayFeed<Tick>> ticksFrom(long fromDay) {
    return now(
        () -> {
          reads.requirePriceFeedStart(fromDay);
          return ticks;
        });
  }

  /**
   * The accepted events to follow from {@code fromDay}: 0 (live only) or a day up to the next
   * close.
   */
  public CompletableFuture<ReplayFeed<MarketEventRecord>> eventsFrom(long fromDay) {
    return now(
        () -> {
          reads.requireEventFeedStart(fromDay);
          return eventFeed;
        });
  }

  /**
   * A home's account as of the last close, by id or (id 0) by name: the caller's own, or any for
   * the operator.
   */
  public CompletableFuture<AccountView> account(Caller caller, long homeId, String name) {
    return now(() -> reads.account(caller, homeId, name));
  }

  /** A one-shot view of the market. */
  public CompletableFuture<MarketSnapshot> snapshot() {
    return now(reads::snapshot);
  }

  /** Completes with the last day once the clock ran all its days; fails when the market stopped. */
  public CompletableFuture<Long> finished() {
    return run.finished();
  }

  /** Answers a read at once, on the caller's thread, with any failure in the future. */
  private static <T> CompletableFuture<T> now(Callable<T> read) {
    try {
      return CompletableFuture.completedFuture(read.call());
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Stops the clock, ends every session, stops the market's threads and closes the ledger. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    CompletableFuture<Void> stopped =
        thread.call(
            () -> {
              clock.stop();
              for (Session session : sessions.all()) {
                sessions.end(session, "the market is shutting down");
              }
              return null;
            });
    try {
      stopped.get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "market thread did not stop cleanly", e);
    }
    trades.shutdown();
    thread.shutdown(Duration.ofSeconds(5));
    ledger.close();
  }
}

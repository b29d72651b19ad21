package energy.market.server.engine;

import com.google.common.collect.Lists;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.SettableFuture;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import energy.market.model.Energy;
import energy.market.model.EventKind;
import energy.market.model.Phase;
import energy.market.model.Policy;
import energy.market.model.Side;
import energy.market.server.clock.DayClock;
import energy.market.server.clock.ExecutorScheduler;
import energy.market.server.clock.Pace;
import energy.market.server.day.Account;
import energy.market.server.day.BooksViolation;
import energy.market.server.day.DayTotals;
import energy.market.server.day.Declaration;
import energy.market.server.day.GiftMatcher;
import energy.market.server.day.GiftOrder;
import energy.market.server.day.GiftOutcome;
import energy.market.server.day.HomeDay;
import energy.market.server.day.HomeDaySummary;
import energy.market.server.day.TradeIds;
import energy.market.server.day.TradeRecord;
import energy.market.server.feed.ReplayFeed;
import energy.market.server.feed.Tick;
import energy.market.server.homes.Home;
import energy.market.server.homes.HomeRegistry;
import energy.market.server.homes.HomeRegistry.Registration;
import energy.market.server.homes.NotFoundException;
import energy.market.server.homes.Tokens;
import energy.market.server.homes.UnauthenticatedException;
import energy.market.server.ledger.ClosedDay;
import energy.market.server.ledger.Ledger;
import energy.market.server.ledger.LedgerException;
import energy.market.server.ledger.OpenDay;
import energy.market.server.ledger.ResumeState;
import energy.market.server.price.ActiveEffect;
import energy.market.server.price.EventBook;
import energy.market.server.price.MarketEventRecord;
import energy.market.server.price.PriceInputs;
import energy.market.server.price.PriceModel;
import energy.market.server.price.PriceUpdate;
import energy.market.server.trade.OverloadedException;
import energy.market.server.trade.TradeExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The market: runs the day clock and, in each phase, the homes' declarations, the gift broker, the
 * trades on the bounded executor, the price update, the books and the feeds.
 *
 * <p>All state changes happen on one "market" thread, so the day's logic reads as sequential code
 * and its outcome depends only on its inputs. Callers on other threads (the gRPC edge) get futures.
 * Trades are the exception by design: they run on the {@link TradeExecutor}, touching only per-home
 * state that is safe for that.
 *
 * <p>A market built from a {@link ResumeState} goes on where its ledger left off: homes, accounts,
 * events, the price history and the trade ids are restored, the clock starts at the day after the
 * last closed one, and that day, if its GIFT had closed before the restart, re-runs with the same
 * weather, declarations and gifts, its kept trades counted once under their request ids.
 */
public final class MarketEngine implements DayClock.Listener, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(MarketEngine.class.getName());

  /** The most unary trades that may wait for their commit at once. */
  static final int MAX_UNCOMMITTED_TRADES = 8192;

  /** The most trade orders one executor task handles. */
  static final int TRADE_CHUNK = 256;

  private static final String LEDGER_FAILED =
      "the market could not record the trade and is stopping; resend it once it is back";

  /** The range of temperatures a weather report may carry. */
  static final double MIN_CELSIUS = -90;

  static final double MAX_CELSIUS = 60;

  private final MarketSettings settings;
  private final Clock wallClock;
  private final ScheduledThreadPoolExecutor marketThread;
  private final DayClock clock;
  private final HomeRegistry registry = new HomeRegistry();
  private final Map<Long, Account> accounts = new ConcurrentHashMap<>();
  private final EventBook events;
  private final PriceModel priceModel;
  private final GiftMatcher matcher;
  private final TradeExecutor trades;
  private final Semaphore uncommitted = new Semaphore(MAX_UNCOMMITTED_TRADES);
  private final TradeIds tradeIds;
  private final Ledger ledger;
  private final ReplayFeed<Tick> ticks;
  private final ReplayFeed<MarketEventRecord> eventFeed;
  private final CompletableFuture<Long> finished = new CompletableFuture<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  // Owned by the market thread.
  private final Set<Session> sessions = new LinkedHashSet<>();
  // Written only by the market thread; concurrent so that account reads need not queue on it.
  private final Map<Long, Session> sessionOfHome = new ConcurrentHashMap<>();
  private final Map<Long, Integer> missedDays = new HashMap<>();
  private long lastSessionId;
  private double lastTemperature;
  private boolean clockStarted;
  private int awaitedHomes = -1; // -1: start not asked for yet
  private int awaitedDaemons;
  // The day that was in progress when the market stopped, until it opens again.
  private OpenDay resumedDay;
  private List<TradeRecord> resumedTrades;

  // Written by the market thread, read anywhere.
  private volatile DayState today;
  private volatile long currentDay;
  private volatile Phase currentPhase;
  private volatile long priceMicro;
  private volatile int homesConnected;

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
    this.settings = settings;
    this.ledger = ledger;
    this.wallClock = wallClock;
    this.marketThread =
        new ScheduledThreadPoolExecutor(
            1, new ThreadFactoryBuilder().setNameFormat("market").setDaemon(true).build());
    marketThread.setRemoveOnCancelPolicy(true);
    this.clock =
        new DayClock(
            settings.pace(),
            resume.lastClosedDay() + 1,
            settings.days(),
            new ExecutorScheduler(marketThread, wallClock),
            this);
    this.events = new EventBook(settings.events());
    this.priceModel = new PriceModel(settings.price());
    this.matcher = new GiftMatcher(settings.seed());
    this.trades = new TradeExecutor(settings.maxConcurrentTrades(), settings.tradeQueue());
    this.ticks = new ReplayFeed<>(Tick::day, settings.feedMaxLag());
    this.eventFeed = new ReplayFeed<>(MarketEventRecord::startDay, settings.feedMaxLag());
    this.priceMicro = settings.price().initialMicro();
    // Until the first weather report, assume a day in the middle of the comfort band, so a
    // market without a weather daemon is not pushed by an imaginary cold.
    this.lastTemperature =
        (settings.price().comfortLowCelsius() + settings.price().comfortHighCelsius()) / 2;
    this.tradeIds = new TradeIds(resume.lastTradeId());
    restore(resume);
  }

  private void restore(ResumeState resume) {
    resume.homes().forEach(registry::restore);
    resume.accounts().forEach(account -> accounts.put(account.homeId(), account));
    for (MarketEventRecord event : resume.events()) {
      events.restore(event);
      eventFeed.publish(event);
    }
    events.expireBefore(resume.lastClosedDay() + 1);
    resume.ticks().forEach(ticks::publish);
    Tick last = ticks.latest();
    if (last != null) {
      priceMicro = last.priceMicro();
      lastTemperature = last.temperatureCelsius();
    }
    currentDay = resume.lastClosedDay();
    resumedDay = resume.openDay().orElse(null);
    resumedTrades = resume.openDayTrades();
  }

  /** Starts the day clock now. */
  public void start() {
    startWhen(0, 0);
  }

  /**
   * Starts the day clock once {@code homes} homes and {@code daemons} daemons are connected, so
   * that a run whose participants start together has them all from day 1 (and is reproducible).
   */
  public void startWhen(int homes, int daemons) {
    if (homes < 0 || daemons < 0) {
      throw new IllegalArgumentException("cannot wait for a negative number of participants");
    }
    runOnMarket(
        () -> {
          awaitedHomes = homes;
          awaitedDaemons = daemons;
          if (homes > 0 || daemons > 0) {
            LOG.info(
                "day 1 opens once " + homes + " homes and " + daemons + " daemons are connected");
          }
          startIfReady();
        });
  }

  private void startIfReady() {
    if (clockStarted || awaitedHomes < 0) {
      return;
    }
    long daemons = sessions.stream().filter(Session::isDaemon).count();
    if (sessionOfHome.size() >= awaitedHomes && daemons >= awaitedDaemons) {
      clockStarted = true;
      clock.start();
    }
  }

  // ---------------------------------------------------------------- registration and sessions

  /**
   * Registers a home, or resumes it with its token. A new home is answered once the ledger keeps
   * it; the market thread does not wait for that meanwhile.
   */
  public CompletableFuture<Registration> register(String name, Policy policy, String token) {
    return onMarket(
            () -> {
              Registration registration = registry.register(name, policy, token);
              if (registration.resumed()) {
                return CompletableFuture.completedFuture(registration);
              }
              Home home = registration.home();
              accounts.put(home.id(), Account.empty(home.id()));
              CompletableFuture<Registration> kept =
                  ledger.homeRegistered(home).thenApply(ignored -> registration);
              kept.whenComplete(
                  (ignored, failure) -> {
                    if (failure != null) {
                      runOnMarket(
                          () -> {
                            registry.forget(home);
                            accounts.remove(home.id());
                            if (!(unwrap(failure) instanceof OverloadedException)) {
                              ledgerFailed(failure);
                            }
                          });
                    }
                  });
              return kept;
            })
        .thenCompose(kept -> kept);
  }

  /** The first day a home joining now takes part in. */
  public long nextJoinDay() {
    return currentDay + 1;
  }

  /**
   * Opens a session for homes registered before. A home already in another session moves to this
   * one (a reconnecting process takes its homes back).
   *
   * @throws UnauthenticatedException (in the future) when any credential is wrong
   */
  public CompletableFuture<Session> openHomeSession(
      Map<Long, String> credentials, boolean unary, String label, SessionSink sink) {
    return onMarket(
        () -> {
          if (credentials.isEmpty()) {
            throw new IllegalArgumentException(
                "a session needs at least one home (or a daemon role)");
          }
          List<Long> ids = new ArrayList<>();
          for (Map.Entry<Long, String> credential : credentials.entrySet()) {
            ids.add(registry.authenticate(credential.getKey(), credential.getValue()).id());
          }
          Session session =
              new Session(
                  ++lastSessionId,
                  unary ? Session.Kind.UNARY_HOME : Session.Kind.HOMES,
                  label,
                  sink);
          for (long id : ids) {
            Session previous = sessionOfHome.put(id, session);
            if (previous != null && previous != session) {
              previous.homes().remove(id);
              if (previous.homes().isEmpty()) {
                endSession(previous, "its homes were taken over by a newer session");
              }
            }
            session.homes().add(id);
          }
          sessions.add(session);
          homesConnected = sessionOfHome.size();
          // A home already in the day in progress (it reconnects, or the day resumed after a
          // restart with its gifts) goes on with that day; any other joins from the next one.
          boolean inToday =
              today != null
                  && today.day() == currentDay
                  && currentPhase != Phase.CLOSE
                  && takesPartToday(session);
          sink.welcome(List.copyOf(session.homes()), inToday ? currentDay : nextJoinDay());
          startIfReady();
          return session;
        });
  }

  /**
   * Opens a daemon session.
   *
   * @throws UnauthenticatedException (in the future) for a wrong operator token
   */
  public CompletableFuture<Session> openDaemonSession(
      Session.Kind kind, String operatorToken, String label, SessionSink sink) {
    return onMarket(
        () -> {
          requireOperator(operatorToken);
          if (kind != Session.Kind.WEATHER && kind != Session.Kind.EXTERNAL) {
            throw new IllegalArgumentException("not a daemon kind: " + kind);
          }
          Session session = new Session(++lastSessionId, kind, label, sink);
          sessions.add(session);
          sink.welcome(List.of(), nextJoinDay());
          LOG.info(session + " joined");
          startIfReady();
          return session;
        });
  }

  /** A session's stream ended: its homes leave and the clock stops waiting for it. */
  public void closeSession(Session session) {
    runOnMarket(() -> forget(session));
  }

  private void endSession(Session session, String reason) {
    forget(session);
    session.sink().end(reason);
  }

  private void forget(Session session) {
    if (!session.isOpen()) {
      return;
    }
    session.markClosed();
    sessions.remove(session);
    for (long id : session.homes()) {
      sessionOfHome.remove(id, session);
    }
    homesConnected = sessionOfHome.size();
    clock.gone(session);
  }

  /** A daemon (or unary home) finished a phase. */
  public void phaseDone(Session session, long day, Phase phase) {
    runOnMarket(() -> clock.done(session, day, phase));
  }

  // ---------------------------------------------------------------- GIFT

  /** A session's GIFT batch: declarations, offers and claims. Bad entries are skipped, logged. */
  public void dayReports(Session session, long day, List<HomeReport> reports) {
    runOnMarket(
        () -> {
          DayState state = today;
          if (state == null || state.day() != day || currentPhase != Phase.GIFT) {
            LOG.warning(session + " sent day " + day + " reports outside that day's GIFT; ignored");
            return;
          }
          int rejected = 0;
          String firstReason = null;
          for (HomeReport report : reports) {
            try {
              if (!session.homes().contains(report.homeId())) {
                throw new IllegalArgumentException("home " + report.homeId() + " is not in it");
              }
              HomeDay home = takingPart(state, report.homeId());
              home.declare(report.producedWh(), report.consumedWh());
              if (report.offerWh() > 0) {
                home.offer(report.offerWh());
              }
              if (report.claimWh() > 0) {
                home.claim(report.claimWh());
              }
            } catch (RuntimeException e) {
              rejected++;
              firstReason = firstReason == null ? e.getMessage() : firstReason;
            }
          }
          if (rejected > 0) {
            LOG.warning(
                session
                    + ": "
                    + rejected
                    + " day "
                    + day
                    + " reports rejected; first: "
                    + firstReason);
          }
          clock.done(session, day, Phase.GIFT);
        });
  }

  /** One home declares its day through a unary call; returns its net energy. */
  public CompletableFuture<Long> declareDay(
      long homeId, String token, long day, long producedWh, long consumedWh) {
    return onMarket(
        () -> {
          HomeDay home = giftPhaseHome(homeId, token, day);
          home.declare(producedWh, consumedWh);
          return producedWh - consumedWh;
        });
  }

  /** One home offers a gift through a unary call; returns its total offer. */
  public CompletableFuture<Long> offer(long homeId, String token, long day, long wh) {
    return onMarket(() -> giftPhaseHome(homeId, token, day).offer(wh));
  }

  /** One home claims gifts through a unary call; returns its total claim. */
  public CompletableFuture<Long> claim(long homeId, String token, long day, long wh) {
    return onMarket(() -> giftPhaseHome(homeId, token, day).claim(wh));
  }

  /** A unary home is done with a phase. */
  public CompletableFuture<Void> finishPhase(long homeId, String token, long day, Phase phase) {
    return onMarket(
        () -> {
          registry.authenticate(homeId, token);
          Session session = sessionOfHome.get(homeId);
          if (session == null) {
            throw new IllegalStateException(
                "home " + homeId + " has no session; follow it with FollowSession first");
          }
          clock.done(session, day, phase);
          return null;
        });
  }

  private HomeDay giftPhaseHome(long homeId, String token, long day) {
    registry.authenticate(homeId, token);
    DayState state = requireDay(day);
    if (currentPhase != Phase.GIFT) {
      throw new IllegalStateException(
          "day " + day + " is in " + currentPhase + "; declarations and gifts need GIFT");
    }
    return takingPart(state, homeId);
  }

  // ---------------------------------------------------------------- TRADE

  /**
   * One trade through a unary call, on the bounded executor.
   *
   * @throws OverloadedException at once when the executor's queue is full
   */
  public ListenableFuture<TradeRecord> trade(
      long homeId, String token, long day, Side side, long wh, String requestId) {
    registry.authenticate(homeId, token);
    if (side == null) {
      throw new IllegalArgumentException("trade side is missing; allowed: BUY, SELL");
    }
    Energy.requireAmount("trade amount", wh, false);
    DayState state = requireDay(day);
    TradeOrder order = new TradeOrder(homeId, side, wh, requestId);
    ListenableFuture<CompletableFuture<TradeRecord>> executed =
        trades.submit(() -> executeUnary(state, order));
    return Futures.transformAsync(
        executed, MarketEngine::listenable, MoreExecutors.directExecutor());
  }

  /**
   * Executes one unary trade on a trade thread and hands its record to the ledger. The trade holds
   * its executor slot only while it executes; its receipt waits for the group commit outside the
   * slot, so concurrent trades share commits. At most {@link #MAX_UNCOMMITTED_TRADES} may wait for
   * their commit: beyond that, trade threads wait, the queue fills and new trades are refused,
   * never buffered without bound.
   */
  private CompletableFuture<TradeRecord> executeUnary(DayState state, TradeOrder order)
      throws InterruptedException {
    uncommitted.acquire();
    boolean handedOff = false;
    try {
      if (!state.gate().enter()) {
        throw new IllegalStateException(
            "day " + state.day() + " is not in TRADE; trades are accepted only during TRADE");
      }
      try {
        HomeDay.Executed result = executeInMemory(state, order);
        List<TradeRecord> fresh = result.repeated() ? List.of() : List.of(result.record());
        state.recordTrades(fresh);
        // A repeated request id waits for the commit of everything before it, its original too.
        CompletableFuture<Void> kept = ledger.tradesKept(fresh);
        handedOff = true;
        return kept.handle(
            (done, failure) -> {
              uncommitted.release();
              if (failure != null) {
                Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
                if (cause instanceof LedgerException e) {
                  runOnMarket(() -> ledgerFailed(e));
                }
                throw new CompletionException(cause);
              }
              return result.record();
            });
      } finally {
        state.gate().exit();
      }
    } finally {
      if (!handedOff) {
        uncommitted.release();
      }
    }
  }

  private static <T> ListenableFuture<T> listenable(CompletableFuture<T> future) {
    SettableFuture<T> result = SettableFuture.create();
    future.whenComplete(
        (value, failure) -> {
          if (failure == null) {
            result.set(value);
          } else {
            result.setException(
                failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause()
                    : failure);
          }
        });
    return result;
  }

  /** A session's TRADE batch; its results go back to the session when all have run. */
  public void tradeOrders(Session session, long day, List<TradeOrder> orders) {
    runOnMarket(
        () -> {
          DayState state = today;
          List<TradeRejection> rejections = Collections.synchronizedList(new ArrayList<>());
          List<TradeRecord> receipts = Collections.synchronizedList(new ArrayList<>());
          List<TradeOrder> admitted = new ArrayList<>();
          for (TradeOrder order : orders) {
            if (!session.homes().contains(order.homeId())) {
              rejections.add(reject(order, "home is not in this session"));
            } else {
              admitted.add(order);
            }
          }
          if (state == null || state.day() != day || currentPhase != Phase.TRADE) {
            admitted.forEach(
                order -> rejections.add(reject(order, "day " + day + " is not in TRADE")));
            admitted.clear();
          }
          List<List<TradeOrder>> chunks = Lists.partition(admitted, TRADE_CHUNK);
          AtomicInteger remaining = new AtomicInteger(chunks.size());
          Runnable chunkDone =
              () -> {
                if (remaining.decrementAndGet() == 0) {
                  runOnMarket(() -> deliverTradeResults(session, day, receipts, rejections));
                }
              };
          if (chunks.isEmpty()) {
            deliverTradeResults(session, day, receipts, rejections);
            return;
          }
          for (List<TradeOrder> chunk : chunks) {
            try {
              trades
                  .submit(() -> executeChunk(state, chunk, receipts, rejections))
                  .addListener(chunkDone, MoreExecutors.directExecutor());
            } catch (OverloadedException e) {
              chunk.forEach(order -> rejections.add(reject(order, e.getMessage())));
              chunkDone.run();
            }
          }
        });
  }

  private Void executeChunk(
      DayState state,
      List<TradeOrder> chunk,
      List<TradeRecord> receipts,
      List<TradeRejection> rejections) {
    if (!state.gate().enter()) {
      chunk.forEach(order -> rejections.add(reject(order, "TRADE closed before it ran")));
      return null;
    }
    try {
      List<TradeRecord> executed = new ArrayList<>();
      List<TradeRecord> fresh = new ArrayList<>();
      List<TradeOrder> freshOrders = new ArrayList<>();
      for (TradeOrder order : chunk) {
        try {
          HomeDay.Executed result = executeInMemory(state, order);
          if (!result.repeated()) {
            fresh.add(result.record());
            freshOrders.add(order);
          } else {
            executed.add(result.record());
          }
        } catch (RuntimeException e) {
          rejections.add(reject(order, e.getMessage()));
        }
      }
      try {
        ledger.tradesExecuted(fresh);
      } catch (LedgerException e) {
        // Not kept, so not acknowledged; the market stops, and the day re-runs after a restart.
        freshOrders.forEach(order -> rejections.add(reject(order, LEDGER_FAILED)));
        receipts.addAll(executed);
        runOnMarket(() -> ledgerFailed(e));
        return null;
      }
      state.recordTrades(fresh);
      executed.addAll(fresh);
      receipts.addAll(executed);
      return null;
    } finally {
      state.gate().exit();
    }
  }

  private HomeDay.Executed executeInMemory(DayState state, TradeOrder order) {
    return takingPart(state, order.homeId())
        .trade(order.side(), order.amountWh(), state.priceMicro(), order.requestId(), tradeIds);
  }

  private static TradeRejection reject(TradeOrder order, String reason) {
    return new TradeRejection(order.homeId(), order.requestId(), reason);
  }

  private void deliverTradeResults(
      Session session, long day, List<TradeRecord> receipts, List<TradeRejection> rejections) {
    if (!session.isOpen()) {
      return;
    }
    List<TradeRecord> sortedReceipts;
    synchronized (receipts) {
      sortedReceipts = new ArrayList<>(receipts);
    }
    sortedReceipts.sort(Comparator.comparingLong(TradeRecord::tradeId));
    List<TradeRejection> copiedRejections;
    synchronized (rejections) {
      copiedRejections = List.copyOf(rejections);
    }
    session.sink().tradeResults(day, sortedReceipts, copiedRejections);
    clock.done(session, day, Phase.TRADE);
  }

  // ---------------------------------------------------------------- weather and events

  /**
   * The weather daemon's temperature for a day; applies only during that day's OPEN.
   *
   * @return true when it set the day's temperature
   */
  public CompletableFuture<Boolean> reportWeather(String operatorToken, long day, double celsius) {
    return onMarket(
        () -> {
          requireOperator(operatorToken);
          if (!Double.isFinite(celsius) || celsius < MIN_CELSIUS || celsius > MAX_CELSIUS) {
            throw new IllegalArgumentException(
                "temperature "
                    + celsius
                    + " C is not allowed; expected a finite number in "
                    + MIN_CELSIUS
                    + ".."
                    + MAX_CELSIUS);
          }
          if (day < 1) {
            throw new IllegalArgumentException("day " + day + " is not a day; days start at 1");
          }
          DayState state = today;
          if (state == null
              || state.day() != day
              || currentPhase != Phase.OPEN
              || state.weatherFixed()) {
            return false;
          }
          state.reportWeather(celsius);
          return true;
        });
  }

  /** An external event; idempotent by id; moves the price from the current day's close. */
  public CompletableFuture<EventBook.Accepted> reportEvent(
      String operatorToken, String eventId, EventKind kind, String source) {
    return onMarket(
        () -> {
          requireOperator(operatorToken);
          // Before the clock runs (currentDay is then the last closed day) or once a day closed,
          // an event moves the next day's close.
          long startDay =
              currentPhase == null || currentPhase == Phase.CLOSE ? currentDay + 1 : currentDay;
          EventBook.Accepted accepted =
              events.accept(eventId, kind, source, startDay, wallClock.instant());
          if (!accepted.duplicate()) {
            try {
              ledger.eventAccepted(accepted.event());
            } catch (LedgerException e) {
              ledgerFailed(e);
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
        });
  }

  // ---------------------------------------------------------------- the day clock's phases

  @Override
  public Set<Object> phaseStarted(long day, Phase phase, Instant deadline) {
    currentDay = day;
    currentPhase = phase;
    Set<Object> waitFor = new LinkedHashSet<>();
    switch (phase) {
      case OPEN -> {
        DayState state =
            resumedDay != null && resumedDay.day() == day
                ? resumeDay(resumedDay)
                : new DayState(day, priceMicro, lastTemperature);
        for (long homeId : sessionOfHome.keySet()) {
          if (state.home(homeId).isEmpty()) {
            registry.byId(homeId).ifPresent(home -> state.addHome(new HomeDay(home, day)));
          }
        }
        today = state;
        sessions.stream().filter(Session::isDaemon).forEach(waitFor::add);
      }
      case GIFT, TRADE -> {
        if (phase == Phase.TRADE) {
          today.gate().open();
        }
        for (Session session : sessions) {
          if (!session.isDaemon() && takesPartToday(session)) {
            waitFor.add(session);
          }
        }
      }
      case CLOSE -> {
        // The close is the market's own work, done when the phase ends at once.
      }
    }
    DayState state = today;
    PhaseInfo info =
        new PhaseInfo(
            day,
            phase,
            state.temperatureCelsius(),
            !state.weatherReported(),
            state.priceMicro(),
            deadline);
    for (Session session : List.copyOf(sessions)) {
      session.sink().phaseStarted(info);
    }
    return waitFor;
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

  private boolean takesPartToday(Session session) {
    for (long homeId : session.homes()) {
      if (today.home(homeId).isPresent()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void phaseEnded(long day, Phase phase, Set<Object> pending, Runnable proceed) {
    if (!pending.isEmpty()) {
      LOG.fine(() -> "day " + day + " " + phase + " ended with " + pending.size() + " late");
    }
    switch (phase) {
      case OPEN -> {
        if (!today.weatherReported()) {
          LOG.fine(() -> "day " + day + ": no weather report; keeping " + lastTemperature + " C");
        }
        proceed.run();
      }
      case GIFT -> {
        try {
          matchGifts(today);
        } catch (LedgerException e) {
          ledgerFailed(e);
          return;
        }
        proceed.run();
      }
      case TRADE -> today.gate().close(() -> runOnMarket(proceed));
      case CLOSE -> {
        try {
          closeDay(today);
        } catch (BooksViolation e) {
          LOG.log(Level.SEVERE, "the books do not balance; stopping the day clock", e);
          clock.stop();
          finished.completeExceptionally(e);
          return;
        } catch (LedgerException e) {
          ledgerFailed(e);
          return;
        }
        proceed.run();
      }
    }
  }

  @Override
  public void finished(long lastDay) {
    LOG.info("the market ran its " + lastDay + " days");
    finished.complete(lastDay);
  }

  private void matchGifts(DayState state) {
    List<GiftOrder> offers = new ArrayList<>();
    List<GiftOrder> claims = new ArrayList<>();
    Map<Long, GiftOutcome> outcomes = new HashMap<>();
    for (HomeDay home : state.homes()) {
      if (home.giftsFixed()) {
        // Matched before the restart: told again, not matched again.
        Declaration kept = home.declaration();
        if (kept.offeredWh() > 0 || kept.claimedWh() > 0) {
          outcomes.put(
              kept.homeId(),
              new GiftOutcome(kept.homeId(), kept.givenWh(), kept.receivedWh(), kept.returnedWh()));
        }
        continue;
      }
      if (home.offered() > 0) {
        offers.add(new GiftOrder(home.home().id(), home.home().name(), home.offered()));
      }
      if (home.claimed() > 0) {
        claims.add(new GiftOrder(home.home().id(), home.home().name(), home.claimed()));
      }
    }
    for (GiftOutcome outcome : matcher.match(state.day(), offers, claims).values()) {
      state.home(outcome.homeId()).get().applyGifts(outcome.givenWh(), outcome.receivedWh());
      outcomes.put(outcome.homeId(), outcome);
    }
    keepOpenDay(state);
    Map<Session, List<GiftOutcome>> bySession = new HashMap<>();
    for (GiftOutcome outcome : outcomes.values()) {
      Session session = sessionOfHome.get(outcome.homeId());
      if (session != null) {
        bySession.computeIfAbsent(session, s -> new ArrayList<>()).add(outcome);
      }
    }
    for (Session session : sessions) {
      if (!session.isDaemon() && takesPartToday(session)) {
        List<GiftOutcome> mine = new ArrayList<>(bySession.getOrDefault(session, List.of()));
        mine.sort(Comparator.comparingLong(GiftOutcome::homeId));
        session.sink().giftResults(state.day(), mine);
      }
    }
  }

  /** Keeps the day's declarations and gifts before any trade builds on them. */
  private void keepOpenDay(DayState state) {
    List<Declaration> declared = new ArrayList<>();
    for (HomeDay home : state.homes()) {
      if (home.declared()) {
        declared.add(home.declaration());
      }
    }
    declared.sort(Comparator.comparingLong(Declaration::homeId));
    ledger.giftsMatched(
        new OpenDay(
            state.day(),
            state.priceMicro(),
            state.temperatureCelsius(),
            !state.weatherReported(),
            declared));
  }

  private void closeDay(DayState state) {
    long day = state.day();
    List<HomeDaySummary> summaries = new ArrayList<>();
    for (HomeDay home : state.homes()) {
      summaries.add(home.summary());
    }
    summaries.sort(Comparator.comparingLong(HomeDaySummary::homeId));
    DayTotals totals = DayTotals.settle(day, summaries, state.trades());
    List<Account> updated = new ArrayList<>(summaries.size());
    for (HomeDaySummary summary : summaries) {
      Account account =
          accounts.getOrDefault(summary.homeId(), Account.empty(summary.homeId())).plus(summary);
      if (!account.energyBalances()) {
        throw new BooksViolation("account of home " + summary.homeId() + " " + account);
      }
      updated.add(account);
    }
    List<ActiveEffect> effects = events.effectsOn(day);
    long eventEffect = effects.stream().mapToLong(ActiveEffect::effectMicro).sum();
    PriceUpdate update =
        priceModel.next(
            state.priceMicro(),
            new PriceInputs(
                totals.boughtWh(),
                totals.soldWh(),
                totals.homes(),
                state.temperatureCelsius(),
                eventEffect));
    Tick tick =
        new Tick(
            day,
            update.priceMicro(),
            update.priceMicro() - state.priceMicro(),
            state.priceMicro(),
            state.temperatureCelsius(),
            !state.weatherReported(),
            effects,
            totals.boughtWh(),
            totals.soldWh(),
            totals.givenWh(),
            totals.homes(),
            wallClock.instant(),
            update.bounded());
    ledger.dayClosed(new ClosedDay(tick, totals, summaries, updated));
    for (Account account : updated) {
      accounts.put(account.homeId(), account);
    }
    priceMicro = update.priceMicro();
    lastTemperature = state.temperatureCelsius();
    ticks.publish(tick);
    for (Session session : List.copyOf(sessions)) {
      session.sink().dayClosed(tick);
    }
    countMissedDays(summaries);
    events.expireBefore(day + 1);
  }

  private void countMissedDays(List<HomeDaySummary> summaries) {
    for (HomeDaySummary summary : summaries) {
      Session session = sessionOfHome.get(summary.homeId());
      if (summary.declared() || session == null) {
        missedDays.remove(summary.homeId());
        continue;
      }
      int missed = missedDays.merge(summary.homeId(), 1, Integer::sum);
      if (missed >= settings.maxMissedDays()) {
        missedDays.remove(summary.homeId());
        sessionOfHome.remove(summary.homeId());
        session.homes().remove(summary.homeId());
        homesConnected = sessionOfHome.size();
        LOG.warning(
            "home "
                + summary.homeId()
                + " missed "
                + missed
                + " days in a row; dropped from "
                + session);
        if (session.homes().isEmpty()) {
          endSession(session, "dropped after " + missed + " missed days");
        }
      }
    }
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  /** The ledger could not keep something: stop rather than go on with books that are not kept. */
  private void ledgerFailed(Throwable failure) {
    if (finished.isDone()) {
      return;
    }
    LOG.log(Level.SEVERE, "the ledger failed; stopping the day clock: " + failure, failure);
    clock.stop();
    finished.completeExceptionally(failure);
  }

  // ---------------------------------------------------------------- reads

  /** The price ticks, replayable. */
  public ReplayFeed<Tick> ticks() {
    return ticks;
  }

  /** The accepted events, replayable. */
  public ReplayFeed<MarketEventRecord> events() {
    return eventFeed;
  }

  /** A home's account as of the last close. */
  public AccountView account(long homeId, String name) {
    Optional<Home> home = homeId != 0 ? registry.byId(homeId) : registry.byName(name);
    Home found =
        home.orElseThrow(
            () ->
                new NotFoundException(
                    homeId != 0 ? "no home with id " + homeId : "no home named '" + name + "'"));
    return new AccountView(
        found,
        accounts.getOrDefault(found.id(), Account.empty(found.id())),
        isConnected(found.id()));
  }

  private boolean isConnected(long homeId) {
    return sessionOfHome.containsKey(homeId);
  }

  /** A one-shot view of the market. */
  public MarketSnapshot snapshot() {
    DayState state = today;
    return new MarketSnapshot(
        currentDay,
        currentPhase,
        // Once a day closed, the price that matters is the one the next day will trade at.
        state == null || currentPhase == Phase.CLOSE ? priceMicro : state.priceMicro(),
        state == null ? lastTemperature : state.temperatureCelsius(),
        registry.size(),
        homesConnected,
        events.effectsOn(Math.max(1, currentDay)),
        ticks.latest(),
        trades.inFlight(),
        trades.maxConcurrent(),
        settings.pace().dayLength());
  }

  /** The market's parameters. */
  public MarketSettings settings() {
    return settings;
  }

  /** The trade executor (for its gauges). */
  public TradeExecutor tradeExecutor() {
    return trades;
  }

  /** Completes with the last day once the clock ran all its days. */
  public CompletableFuture<Long> finished() {
    return finished;
  }

  /** The pace of days. */
  public Pace pace() {
    return settings.pace();
  }

  // ---------------------------------------------------------------- helpers

  private DayState requireDay(long day) {
    DayState state = today;
    if (state == null || state.day() != day) {
      throw new IllegalArgumentException(
          "day " + day + " is not the current day (" + currentDay + ")");
    }
    return state;
  }

  private static HomeDay takingPart(DayState state, long homeId) {
    return state
        .home(homeId)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "home "
                        + homeId
                        + " takes no part in day "
                        + state.day()
                        + " (it joined after the day opened, or has no session)"));
  }

  private void requireOperator(String token) {
    if (!Tokens.constantTimeEquals(settings.operatorToken(), token == null ? "" : token)) {
      throw new UnauthenticatedException("wrong or missing operator token");
    }
  }

  /** Runs work on the market thread; a failure there is a bug, so it is logged loudly. */
  private void runOnMarket(Runnable work) {
    try {
      marketThread.execute(
          () -> {
            try {
              work.run();
            } catch (RuntimeException e) {
              LOG.log(Level.SEVERE, "market thread task failed", e);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.fine("market is shutting down; dropped a task");
    }
  }

  private <T> CompletableFuture<T> onMarket(Callable<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      marketThread.execute(
          () -> {
            try {
              result.complete(work.call());
            } catch (Throwable t) {
              result.completeExceptionally(t);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      result.completeExceptionally(new IllegalStateException("the market is shutting down"));
    }
    return result;
  }

  /** Stops the clock, ends every session, stops the market's threads and closes the ledger. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    CompletableFuture<Void> stopped =
        onMarket(
            () -> {
              clock.stop();
              for (Session session : List.copyOf(sessions)) {
                endSession(session, "the market is shutting down");
              }
              return null;
            });
    try {
      stopped.get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "market thread did not stop cleanly", e);
    }
    trades.shutdown(Duration.ofSeconds(10));
    MoreExecutors.shutdownAndAwaitTermination(marketThread, Duration.ofSeconds(5));
    ledger.close();
  }
}

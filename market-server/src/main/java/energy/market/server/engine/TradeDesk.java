package energy.market.server.engine;

import com.google.common.collect.Lists;
import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import energy.market.model.Energy;
import energy.market.model.Phase;
import energy.market.model.Side;
import energy.market.server.access.Caller;
import energy.market.server.clock.DayClock;
import energy.market.server.day.HomeDay;
import energy.market.server.day.TradeIds;
import energy.market.server.day.TradeRecord;
import energy.market.server.homes.HomeRegistry;
import energy.market.server.ledger.Ledger;
import energy.market.server.ledger.LedgerException;
import energy.market.server.trade.OverloadedException;
import energy.market.server.trade.TradeExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executes trades on the bounded {@link TradeExecutor}, one through a unary call or a session's
 * batch at a time, and hands their records to the ledger. Trades run on trade threads, touching
 * only per-home state that is safe for that; the day's gate keeps them inside TRADE.
 */
final class TradeDesk {
  /** The most unary trades that may wait for their commit at once. */
  static final int MAX_UNCOMMITTED_TRADES = 8192;

  /** The most trade orders one executor task handles. */
  static final int TRADE_CHUNK = 256;

  private static final String CLOSED_BEFORE_IT_RAN = "TRADE closed before it ran";

  private static final String LEDGER_FAILED =
      "the market could not record the trade and is stopping; resend it once it is back";

  private final MarketThread thread;
  private final HomeRegistry registry;
  private final CurrentDay current;
  private final TradeExecutor trades;
  private final TradeIds tradeIds;
  private final Ledger ledger;
  private final MarketRun run;
  private final DayClock clock;
  private final Semaphore uncommitted = new Semaphore(MAX_UNCOMMITTED_TRADES);

  TradeDesk(
      MarketThread thread,
      HomeRegistry registry,
      CurrentDay current,
      TradeExecutor trades,
      TradeIds tradeIds,
      Ledger ledger,
      MarketRun run,
      DayClock clock) {
    this.thread = thread;
    this.registry = registry;
    this.current = current;
    this.trades = trades;
    this.tradeIds = tradeIds;
    this.ledger = ledger;
    this.run = run;
    this.clock = clock;
  }

  /**
   * One trade through a unary call. It fails (in the future) with {@link OverloadedException} at
   * once when the executor's queue is full.
   */
  CompletableFuture<TradeRecord> trade(
      Caller caller, long homeId, long day, Side side, long wh, String requestId) {
    ListenableFuture<CompletableFuture<TradeRecord>> executed;
    try {
      caller.actFor(registry, homeId);
      TradeOrder order = new TradeOrder(homeId, side, wh, requestId);
      Energy.requireAmount("trade amount", wh, false);
      DayState state = current.require(day);
      Callable<CompletableFuture<TradeRecord>> execution = () -> executeUnary(state, order);
      // A ledger that never waits lets a free slot run the trade on the transport's thread.
      executed =
          ledger.keepsTradesWithoutWaiting()
              ? trades.runOrSubmit(execution)
              : trades.submit(execution);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return completable(executed).thenCompose(committed -> committed);
  }

  /**
   * Executes one unary trade in an executor slot and hands its record to the ledger. The trade
   * holds its slot only while it executes; its receipt waits for the group commit outside the slot,
   * so concurrent trades share commits. At most {@link #MAX_UNCOMMITTED_TRADES} may wait for their
   * commit: beyond that new trades are refused, never buffered without bound, and nothing here
   * waits (it may run on a transport thread).
   */
  private CompletableFuture<TradeRecord> executeUnary(DayState state, TradeOrder order) {
    if (!uncommitted.tryAcquire()) {
      throw new OverloadedException(
          MAX_UNCOMMITTED_TRADES + " trades are waiting for the ledger's commit; retry later");
    }
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
                Throwable cause = Failures.cause(failure);
                if (cause instanceof LedgerException e) {
                  thread.run(() -> run.ledgerFailed(e));
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

  private static <T> CompletableFuture<T> completable(ListenableFuture<T> future) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Futures.addCallback(
        future,
        new FutureCallback<T>() {
          @Override
          public void onSuccess(T value) {
            result.complete(value);
          }

          @Override
          public void onFailure(Throwable failure) {
            result.completeExceptionally(failure);
          }
        },
        MoreExecutors.directExecutor());
    return result;
  }

  /**
   * A session's TRADE batch, in chunks on the executor; its results go back to the session when all
   * have run. Runs on the market thread.
   *
   * @param refused orders of the batch that the transport could not read, refused with the others'
   *     results
   */
  void tradeOrders(
      Session session, long day, List<TradeOrder> orders, List<TradeRejection> refused) {
    DayState state = current.state();
    List<TradeRejection> rejections = Collections.synchronizedList(new ArrayList<>(refused));
    List<TradeRecord> receipts = Collections.synchronizedList(new ArrayList<>());
    List<TradeOrder> admitted = new ArrayList<>();
    for (TradeOrder order : orders) {
      if (!session.homes().contains(order.homeId())) {
        rejections.add(reject(order, "home is not in this session"));
      } else {
        admitted.add(order);
      }
    }
    if (!current.isIn(day, Phase.TRADE)) {
      admitted.forEach(order -> rejections.add(reject(order, "day " + day + " is not in TRADE")));
      admitted.clear();
    }
    if (!admitted.isEmpty() && !state.gate().enter()) {
      admitted.forEach(order -> rejections.add(reject(order, CLOSED_BEFORE_IT_RAN)));
      admitted.clear();
    }
    if (admitted.isEmpty()) {
      deliverResults(session, day, receipts, rejections);
      return;
    }
    // The batch holds the day's gate until its results are queued on the market thread, ahead of
    // the end of TRADE: a session hears its receipts before the day closes, even when TRADE ends
    // on its deadline while chunks are still waiting for the executor.
    List<List<TradeOrder>> chunks = Lists.partition(admitted, TRADE_CHUNK);
    AtomicInteger remaining = new AtomicInteger(chunks.size());
    Runnable chunkDone =
        () -> {
          if (remaining.decrementAndGet() == 0) {
            thread.run(() -> deliverResults(session, day, receipts, rejections));
            state.gate().exit();
          }
        };
    for (List<TradeOrder> chunk : chunks) {
      try {
        trades.submit(() -> executeChunk(state, chunk, receipts, rejections, chunkDone));
      } catch (OverloadedException e) {
        chunk.forEach(order -> rejections.add(reject(order, e.getMessage())));
        chunkDone.run();
      }
    }
  }

  private Void executeChunk(
      DayState state,
      List<TradeOrder> chunk,
      List<TradeRecord> receipts,
      List<TradeRejection> rejections,
      Runnable chunkDone) {
    try {
      if (state.gate().isOpen()) {
        executeOpen(state, chunk, receipts, rejections);
      } else {
        chunk.forEach(order -> rejections.add(reject(order, CLOSED_BEFORE_IT_RAN)));
      }
    } finally {
      chunkDone.run();
    }
    return null;
  }

  private void executeOpen(
      DayState state,
      List<TradeOrder> chunk,
      List<TradeRecord> receipts,
      List<TradeRejection> rejections) {
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
      thread.run(() -> run.ledgerFailed(e));
      return;
    }
    state.recordTrades(fresh);
    executed.addAll(fresh);
    receipts.addAll(executed);
  }

  private HomeDay.Executed executeInMemory(DayState state, TradeOrder order) {
    return state
        .takingPart(order.homeId())
        .trade(order.side(), order.amountWh(), state.priceMicro(), order.requestId(), tradeIds);
  }

  private static TradeRejection reject(TradeOrder order, String reason) {
    return new TradeRejection(order.homeId(), order.requestId(), reason);
  }

  private void deliverResults(
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

  /** Trades executing now. */
  int inFlight() {
    return trades.inFlight();
  }

  /** The limit on simultaneous trades. */
  int maxConcurrent() {
    return trades.maxConcurrent();
  }

  /** Waits for running trades, then stops the executor. */
  void shutdown() {
    trades.shutdown(Duration.ofSeconds(10));
  }
}

package energy.market.server.ledger;

import energy.market.server.day.TradeRecord;
import energy.market.server.homes.Home;
import energy.market.server.price.MarketEventRecord;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The market's books. Each write returns (or completes) only once what it was given is kept, so the
 * market acknowledges nothing (a receipt, a registration, an event) before it is recorded.
 *
 * <p>A failed write throws {@link LedgerException}; the market then stops rather than go on with
 * books it could not keep.
 */
public interface Ledger extends AutoCloseable {

  /**
   * Homes registered together. Completes once all of them are kept (one commit), or fails for all;
   * the market answers the registrations only then, without holding its own thread meanwhile
   * (thousands of homes register at once).
   */
  CompletableFuture<Void> homesRegistered(List<Home> homes);

  /** A home registered: {@link #homesRegistered} of one home. */
  default CompletableFuture<Void> homeRegistered(Home home) {
    return homesRegistered(List.of(home));
  }

  /** Trades executed; called from trade threads, possibly concurrently. */
  void tradesExecuted(List<TradeRecord> trades);

  /**
   * Trades executed, kept asynchronously: the future completes once they are kept, so the caller
   * can answer then without holding its thread meanwhile. An empty list completes once every write
   * submitted before it is kept. This default keeps them synchronously.
   */
  default CompletableFuture<Void> tradesKept(List<TradeRecord> trades) {
    try {
      tradesExecuted(trades);
      return CompletableFuture.completedFuture(null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * True when {@link #tradesKept} returns at once and completes its future later: a trade may then
   * run on a transport thread, which must never wait for the disk. The default keeps trades
   * synchronously, so its trades run on the executor's own threads.
   */
  default boolean keepsTradesWithoutWaiting() {
    return false;
  }

  /** An event was accepted. */
  void eventAccepted(MarketEventRecord event);

  /**
   * A day's GIFT closed: its declarations and the broker's results, kept until the day closes so
   * that a market restarted mid-day resumes the day with the same gifts.
   */
  void giftsMatched(OpenDay day);

  /** A day closed: its tick, totals, home days and accounts, all at once. */
  void dayClosed(ClosedDay day);

  /**
   * A day closed, kept asynchronously: the future completes once all of it is kept, so the market
   * can let the daemons begin the next day meanwhile and tell the close only then. This default
   * keeps it synchronously.
   */
  default CompletableFuture<Void> dayKept(ClosedDay day) {
    try {
      dayClosed(day);
      return CompletableFuture.completedFuture(null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  void close();

  /** A ledger that keeps nothing beyond the market's memory. */
  Ledger IN_MEMORY =
      new Ledger() {
        @Override
        public CompletableFuture<Void> homesRegistered(List<Home> homes) {
          return CompletableFuture.completedFuture(null);
        }

        @Override
        public void tradesExecuted(List<TradeRecord> trades) {}

        @Override
        public boolean keepsTradesWithoutWaiting() {
          return true;
        }

        @Override
        public void eventAccepted(MarketEventRecord event) {}

        @Override
        public void giftsMatched(OpenDay day) {}

        @Override
        public void dayClosed(ClosedDay day) {}

        @Override
        public void close() {}
      };
}

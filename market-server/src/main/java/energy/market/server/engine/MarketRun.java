package energy.market.server.engine;

import energy.market.server.day.BooksViolation;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How the market's run ends: it ran all its days, or it stops because its books did not balance or
 * could not be kept. A market that goes on with books that are not kept would acknowledge what it
 * may lose, so any ledger failure stops it; its supervisor restarts it from the ledger.
 */
final class MarketRun {
  private static final Logger LOG = Logger.getLogger(MarketRun.class.getName());

  private final CompletableFuture<Long> finished = new CompletableFuture<>();

  /** Completes with the last day, or fails with why the market stopped. */
  CompletableFuture<Long> finished() {
    return finished;
  }

  /** The clock ran its last day. */
  void ranAllDays(long lastDay) {
    LOG.info("the market ran its " + lastDay + " days");
    finished.complete(lastDay);
  }

  /** The ledger could not keep something: stop rather than go on with books that are not kept. */
  void ledgerFailed(Throwable failure) {
    if (finished.isDone()) {
      return;
    }
    // Whoever runs the market reports why it stopped, once; a stack trace would say no more.
    LOG.fine("the ledger failed; stopping the day clock: " + failure.getMessage());
    finished.completeExceptionally(failure);
  }

  /** A day's books did not balance: a bug, and no later day could be trusted. */
  void booksViolated(BooksViolation violation) {
    LOG.log(Level.SEVERE, "the books do not balance; stopping the day clock", violation);
    finished.completeExceptionally(violation);
  }
}

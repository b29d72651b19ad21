package energy.market.server.ledger;

import energy.market.server.day.TradeRecord;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A ledger that, like the SQLite one, takes trades without waiting, and holds every commit until
 * the test releases them all: trades pile up waiting for their commit, for certain.
 */
public final class HeldCommitsLedger extends LedgerDouble {
  private final CompletableFuture<Void> commit = new CompletableFuture<>();
  private final AtomicInteger held = new AtomicInteger();

  @Override
  public boolean keepsTradesWithoutWaiting() {
    return true;
  }

  @Override
  public CompletableFuture<Void> tradesKept(List<TradeRecord> trades) {
    held.addAndGet(trades.size());
    return commit.thenRun(() -> {});
  }

  /** Commits every held write, and every later one at once. */
  public void release() {
    commit.complete(null);
  }

  /** Trades handed over so far. */
  public int held() {
    return held.get();
  }
}

package energy.market.server.day;

import java.util.concurrent.atomic.AtomicLong;

/** Hands out trade ids, increasing from where the ledger left off. Thread-safe. */
public final class TradeIds {
  private final AtomicLong last;

  public TradeIds(long lastUsed) {
    this.last = new AtomicLong(lastUsed);
  }

  /** The next id. */
  public long next() {
    return last.incrementAndGet();
  }
}

package energy.market.server.ledger;

import energy.market.server.day.TradeRecord;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A ledger that holds every write of trades at a gate until the test opens it, so that the trades
 * wait for their record for certain; it counts how many wait at once and keeps what it recorded. An
 * empty write has no trade to hold and passes at once.
 */
public final class GatedTradesLedger extends LedgerDouble {
  private final CountDownLatch gate = new CountDownLatch(1);
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicInteger mostWaiting = new AtomicInteger();
  private final ConcurrentLinkedQueue<TradeRecord> recorded = new ConcurrentLinkedQueue<>();

  @Override
  public void tradesExecuted(List<TradeRecord> trades) {
    if (trades.isEmpty()) {
      return;
    }
    mostWaiting.accumulateAndGet(waiting.incrementAndGet(), Math::max);
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      waiting.decrementAndGet();
    }
    recorded.addAll(trades);
  }

  /** Lets every held write, and every later one, through. */
  public void open() {
    gate.countDown();
  }

  /** How many writes wait at the gate now. */
  public int waiting() {
    return waiting.get();
  }

  /** The most writes that waited at the gate at once. */
  public int mostWaiting() {
    return mostWaiting.get();
  }

  /** The trades recorded once the gate let them through. */
  public List<TradeRecord> recorded() {
    return List.copyOf(recorded);
  }
}

package energy.market.server.engine;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admits trades only while TRADE is open and tells the day's close when the last admitted trade
 * finished, so no trade straddles the close. Thread-safe.
 */
final class TradeGate {
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean open;
  private Runnable whenDrained; // guarded by this

  /** Opens the gate for a TRADE phase. */
  synchronized void open() {
    open = true;
    whenDrained = null;
  }

  /** Enters if open; a caller that got true must call {@link #exit()}. */
  boolean enter() {
    inFlight.incrementAndGet();
    if (!open) {
      exit();
      return false;
    }
    return true;
  }

  /** True while TRADE is open (a batch that holds the gate checks it before each chunk). */
  boolean isOpen() {
    return open;
  }

  /** Leaves after a trade. */
  void exit() {
    if (inFlight.decrementAndGet() == 0) {
      Runnable callback;
      synchronized (this) {
        callback = open ? null : whenDrained;
        if (callback != null) {
          whenDrained = null;
        }
      }
      if (callback != null) {
        callback.run();
      }
    }
  }

  /** Closes the gate and runs {@code drained} once no admitted trade is running. */
  void close(Runnable drained) {
    synchronized (this) {
      open = false;
      if (inFlight.get() > 0) {
        whenDrained = drained;
        return;
      }
    }
    drained.run();
  }
}

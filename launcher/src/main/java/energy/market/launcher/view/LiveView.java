package energy.market.launcher.view;

import energy.market.launcher.model.DayRecord;

/** Where closed days are shown while a market runs. Thread-safe: days arrive on feed threads. */
public interface LiveView extends AutoCloseable {
  /** A day closed. */
  void day(DayRecord day);

  /** Stops drawing and leaves the cursor on a fresh line below what was drawn. */
  @Override
  void close();
}

package energy.market.launcher.view;

import energy.market.launcher.model.DayRecord;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The headless view: a progress bar redrawn in place with a carriage return on a terminal, or a
 * plain progress line every twentieth of the run (and on the last day) otherwise.
 */
public final class ProgressLines implements LiveView {
  private static final int BAR_WIDTH = 30;

  private final PrintWriter out;
  private final long days;
  private final boolean redraw;
  private final LongSupplier nanoTime;
  private final long startNanos;
  private final long step;
  private long lastShown;
  private boolean drawn;

  /**
   * @param out where to write
   * @param days the days the run has
   * @param redraw true on a terminal: one line redrawn in place
   * @param nanoTime the clock for the elapsed time
   */
  public ProgressLines(PrintWriter out, long days, boolean redraw, LongSupplier nanoTime) {
    this.out = out;
    this.days = days;
    this.redraw = redraw;
    this.nanoTime = nanoTime;
    this.startNanos = nanoTime.getAsLong();
    this.step = Math.max(1, days / 20);
  }

  @Override
  public synchronized void day(DayRecord day) {
    if (day.day() <= lastShown) {
      return;
    }
    Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - startNanos);
    String bar = ProgressBar.render(day.day(), days, day.priceMicro(), elapsed, BAR_WIDTH);
    if (redraw) {
      out.print("\r" + bar);
      drawn = true;
    } else if (day.day() / step > lastShown / step || day.day() >= days) {
      out.println(bar);
    }
    lastShown = day.day();
    out.flush();
  }

  @Override
  public synchronized void close() {
    if (drawn) {
      out.println();
      drawn = false;
    }
    out.flush();
  }
}

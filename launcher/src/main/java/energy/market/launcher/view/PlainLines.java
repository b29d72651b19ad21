package energy.market.launcher.view;

import energy.market.launcher.model.DayRecord;
import java.io.PrintWriter;

/** The live view when the output is not a terminal: one plain line per closed day. */
public final class PlainLines implements LiveView {
  private final PrintWriter out;

  public PlainLines(PrintWriter out) {
    this.out = out;
  }

  @Override
  public synchronized void day(DayRecord day) {
    out.println(DayLine.of(day));
    out.flush();
  }

  @Override
  public void close() {
    out.flush();
  }
}

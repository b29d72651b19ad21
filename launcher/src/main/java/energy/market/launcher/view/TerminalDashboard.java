package energy.market.launcher.view;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import energy.market.launcher.model.DayRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;

/**
 * The live view on a terminal: the {@link Dashboard} redrawn in place through JLine's {@link
 * Display}, which rewrites only what changed. Redrawn on every closed day and once a second, so a
 * resized window is redrawn to its new size.
 */
public final class TerminalDashboard implements LiveView {
  private final Terminal terminal;
  private final String title;
  private final long plannedDays;
  private final boolean unicode;
  private final DayHistory history;
  private final Display display;
  private final ScheduledExecutorService redrawer;
  private boolean closed;

  /**
   * @param terminal the terminal, closed with this view
   * @param title the first line
   * @param plannedDays the days of the run, 0 when unknown
   * @param keptDays how many days the chart may show
   */
  public TerminalDashboard(Terminal terminal, String title, long plannedDays, int keptDays) {
    this.terminal = terminal;
    this.title = title;
    this.plannedDays = plannedDays;
    this.unicode = supportsUnicode(terminal);
    this.history = new DayHistory(keptDays);
    this.display = new Display(terminal, true);
    terminal.puts(Capability.clear_screen);
    terminal.puts(Capability.cursor_invisible);
    redraw();
    this.redrawer =
        Executors.newSingleThreadScheduledExecutor(
            new ThreadFactoryBuilder().setNameFormat("dashboard-redraw").setDaemon(true).build());
    redrawer.scheduleWithFixedDelay(this::redraw, 1, 1, TimeUnit.SECONDS);
  }

  private static boolean supportsUnicode(Terminal terminal) {
    String encoding = terminal.encoding() == null ? "" : terminal.encoding().name();
    return encoding.toUpperCase(java.util.Locale.ROOT).startsWith("UTF");
  }

  @Override
  public void day(DayRecord day) {
    history.add(day);
    redraw();
  }

  private synchronized void redraw() {
    if (closed) {
      return;
    }
    Size size = terminal.getSize();
    int width = size.getColumns() > 0 ? size.getColumns() : 80;
    int height = size.getRows() > 0 ? size.getRows() : 24;
    display.resize(height, width);
    List<String> text =
        Dashboard.render(title, plannedDays, history.days(), width - 1, height - 1, unicode);
    List<AttributedString> lines = new ArrayList<>(text.size());
    for (String line : text) {
      lines.add(new AttributedString(line));
    }
    display.update(lines, size.cursorPos(lines.size() - 1, 0));
    terminal.flush();
  }

  @Override
  public void close() {
    redrawer.shutdownNow();
    synchronized (this) {
      if (closed) {
        return;
      }
      redraw();
      closed = true;
      terminal.writer().println();
      terminal.writer().println();
      terminal.puts(Capability.cursor_visible);
      terminal.flush();
    }
    // Not terminal.close(): a system terminal would close the process's standard output with
    // it, and the launcher still has its summary to print.
  }
}

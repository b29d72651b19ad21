package energy.market.launcher.view;

import java.io.IOException;
import java.io.PrintWriter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Picks the live view that suits the output: a dashboard on a terminal, plain lines otherwise. */
public final class Views {
  private Views() {}

  /** True when standard input and output are a terminal that can be redrawn in place. */
  public static boolean interactiveTerminal() {
    String term = System.getenv("TERM");
    return System.console() != null && term != null && !term.isBlank() && !term.equals("dumb");
  }

  /**
   * The dashboard on an interactive terminal, else one plain line per day.
   *
   * @param out where plain lines go
   * @param title the dashboard's first line
   * @param plannedDays the days of the run, 0 when unknown
   * @param keptDays how many days the chart may show
   */
  public static LiveView live(PrintWriter out, String title, long plannedDays, int keptDays) {
    if (interactiveTerminal()) {
      Terminal terminal = systemTerminal();
      if (terminal != null) {
        out.flush();
        return new TerminalDashboard(terminal, title, plannedDays, keptDays);
      }
    }
    return new PlainLines(out);
  }

  /** The headless progress bar: redrawn in place on a terminal, periodic lines otherwise. */
  public static LiveView progress(PrintWriter out, long plannedDays) {
    return new ProgressLines(out, plannedDays, interactiveTerminal(), System::nanoTime);
  }

  private static Terminal systemTerminal() {
    try {
      // No native signal handlers: the launcher handles INT and TERM itself, and the dashboard
      // reads the window size on every redraw instead of waiting for WINCH.
      Terminal terminal = TerminalBuilder.builder().system(true).nativeSignals(false).build();
      if (terminal.getType() == null || terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
        terminal.close();
        return null;
      }
      return terminal;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}

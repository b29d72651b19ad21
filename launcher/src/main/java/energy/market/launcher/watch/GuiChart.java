package energy.market.launcher.watch;

import energy.market.launcher.model.DayRecord;
import energy.market.launcher.results.PricesPng;
import energy.market.launcher.view.DayHistory;
import energy.market.launcher.view.LiveView;
import java.awt.GraphicsEnvironment;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.knowm.xchart.SwingWrapper;
import org.knowm.xchart.XChartPanel;
import org.knowm.xchart.XYChart;

/**
 * The live view in a window: the same price and temperature chart as prices.png, redrawn as days
 * close (XChart's Swing support), for people who prefer a window to a terminal.
 */
final class GuiChart implements LiveView {
  private final String title;
  private final DayHistory history;
  private final Runnable onClose;
  private JFrame frame;

  /**
   * @param title the window's title
   * @param keptDays how many days the chart shows
   * @param onClose called when the person closes the window
   */
  GuiChart(String title, int keptDays, Runnable onClose) {
    this.title = title;
    this.history = new DayHistory(keptDays);
    this.onClose = onClose;
  }

  /** Why no window can be opened here, or null when one can. */
  static String unavailable() {
    return GraphicsEnvironment.isHeadless()
        ? "watch --gui needs a display, and this JVM has none (no DISPLAY, or java.awt.headless);"
            + " run watch without --gui for the terminal view"
        : null;
  }

  /**
   * Opens the window, with an empty chart until the first day. Not on Swing's event thread:
   * XChart's {@link SwingWrapper} waits for that thread itself.
   */
  void open() throws InterruptedException {
    JFrame shown =
        new SwingWrapper<>(PricesPng.chart(title, List.of())).setTitle(title).displayChart();
    try {
      SwingUtilities.invokeAndWait(
          () -> {
            frame = shown;
            // Closing the window ends the watch, not the whole JVM at once.
            frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
            frame.addWindowListener(
                new WindowAdapter() {
                  @Override
                  public void windowClosed(WindowEvent e) {
                    onClose.run();
                  }
                });
          });
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("the chart window could not be set up", e.getCause());
    }
  }

  @Override
  public void day(DayRecord day) {
    history.add(day);
    List<DayRecord> days = history.days();
    SwingUtilities.invokeLater(() -> show(days));
  }

  /** On Swing's event thread: a new chart per day keeps the axes fitted to the days shown. */
  private void show(List<DayRecord> days) {
    if (frame == null) {
      return;
    }
    XYChart chart = PricesPng.chart(title, days);
    frame.getContentPane().removeAll();
    frame.getContentPane().add(new XChartPanel<>(chart));
    frame.revalidate();
    frame.repaint();
  }

  @Override
  public void close() {
    SwingUtilities.invokeLater(
        () -> {
          if (frame != null) {
            frame.dispose();
          }
        });
  }
}

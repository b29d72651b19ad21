package energy.market.launcher.simulate;

import energy.market.launcher.model.DayRecord;
import energy.market.launcher.results.PricesPng;
import energy.market.server.ledger.SqliteNativeLibrary;
import java.sql.DriverManager;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;

/**
 * Loads what writing a run's results needs (the chart renderer, the ledger's SQLite driver and its
 * native library) on a thread of its own once the first day closed, so that the results are written
 * soon after the last child exits instead of a second or two later. Nothing it makes is kept: the
 * results follow the ledger, which is read once the market has stopped.
 */
final class ResultsWarmUp {
  private ResultsWarmUp() {}

  /** Starts warming up with the days the feed showed so far; the thread ends by itself. */
  static void start(List<DayRecord> days) {
    Thread thread = new Thread(() -> warmUp(days), "results-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void warmUp(List<DayRecord> days) {
    try {
      BitmapEncoder.getBitmapBytes(PricesPng.chart("", days), BitmapEncoder.BitmapFormat.PNG);
      SqliteNativeLibrary.prepare();
      DriverManager.getConnection("jdbc:sqlite::memory:").close();
    } catch (Exception | LinkageError e) {
      // Only the head start is lost: the results are written the same way without it.
    }
  }
}

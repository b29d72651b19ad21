package energy.market.home.client;

import energy.market.home.DayClosed;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A session listener that keeps what the session told it, for a test to wait on and read. */
final class RecordingListener implements HomeSession.Listener {
  /** The closes of days, in the order they came. */
  final BlockingQueue<DayClosed> ticks = new LinkedBlockingQueue<>();

  /** The session's messages; a fatal one starts with "FATAL ". */
  final BlockingQueue<String> news = new LinkedBlockingQueue<>();

  @Override
  public void dayClosed(DayClosed day) {
    ticks.add(day);
  }

  @Override
  public void info(String message) {
    news.add(message);
  }

  @Override
  public void fatal(String message) {
    news.add("FATAL " + message);
  }
}

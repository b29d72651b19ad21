package energy.market.server;

import energy.market.server.clock.Pace;
import energy.market.server.feed.FeedSink;
import energy.market.server.feed.Tick;
import java.io.PrintWriter;

/**
 * The market's own output while it runs: one line per closed day at a human pace, every 30th day
 * when days run as fast as possible (a line per day would then cost more than the day).
 */
final class DayPrinter implements FeedSink<Tick> {
  private final PrintWriter out;
  private final int every;

  DayPrinter(PrintWriter out, Pace pace) {
    this.out = out;
    this.every = pace.isFast() ? 30 : 1;
  }

  /** The line for a closed day. */
  static String line(Tick tick) {
    return String.format(
        "day %d closed: price %.6f EUR/kWh (%+.6f), %.1f C%s, %d homes, "
            + "bought %d Wh, sold %d Wh, given %d Wh, %d events",
        tick.day(),
        tick.priceMicro() / 1e6,
        tick.changeMicro() / 1e6,
        tick.temperatureCelsius(),
        tick.weatherStale() ? " (stale)" : "",
        tick.homes(),
        tick.boughtWh(),
        tick.soldWh(),
        tick.givenWh(),
        tick.events().size());
  }

  @Override
  public boolean isReady() {
    return true;
  }

  @Override
  public void send(Tick tick) {
    if (tick.day() % every == 0) {
      out.println(line(tick));
      out.flush();
    }
  }

  @Override
  public void drop(String reason) {}
}

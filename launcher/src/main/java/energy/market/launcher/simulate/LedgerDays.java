package energy.market.launcher.simulate;

import energy.market.launcher.model.DayRecord;
import energy.market.launcher.model.EventInfo;
import energy.market.server.feed.Tick;
import energy.market.server.ledger.SqliteLedger;
import energy.market.server.ledger.UnusableLedgerException;
import energy.market.server.price.ActiveEffect;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The days a run's market kept in its ledger, as the run's results show them. The ledger, not the
 * price feed, is what the results follow: a market killed between a day's commit and its tick, or
 * closing days while a run that lost a child is being stopped, has kept days the feed never
 * delivered, and prices.csv and run.json must hold the same days as ledger.db.
 */
final class LedgerDays {
  private LedgerDays() {}

  /**
   * The days a run's results hold: those the market's ledger kept, once the market has stopped; the
   * days the feed showed only when there is no readable ledger (the market never started).
   */
  static List<DayRecord> forResults(
      Path ledger, long lastDay, Collection<DayRecord> feedDays, PrintWriter out) {
    if (!Files.isRegularFile(ledger)) {
      return List.copyOf(feedDays);
    }
    try {
      return read(ledger, lastDay);
    } catch (UnusableLedgerException e) {
      out.println("the results hold the days the price feed showed: " + e.getMessage());
      out.flush();
      return List.copyOf(feedDays);
    }
  }

  /**
   * The closed days up to {@code lastDay}, in order.
   *
   * @throws UnusableLedgerException when the file is not a ledger or cannot be read
   */
  static List<DayRecord> read(Path ledger, long lastDay) throws UnusableLedgerException {
    List<DayRecord> days = new ArrayList<>();
    for (Tick tick : SqliteLedger.closedDays(ledger)) {
      if (tick.day() > lastDay) {
        break;
      }
      days.add(record(tick));
    }
    return days;
  }

  private static DayRecord record(Tick tick) {
    List<EventInfo> events = new ArrayList<>();
    for (ActiveEffect effect : tick.events()) {
      events.add(
          new EventInfo(
              effect.event().eventId(),
              effect.event().kind().label(),
              effect.event().startDay(),
              effect.remainingDays(),
              effect.effectMicro()));
    }
    return new DayRecord(
        tick.day(),
        tick.priceMicro(),
        tick.changeMicro(),
        tick.temperatureCelsius(),
        tick.weatherStale(),
        events,
        tick.boughtWh(),
        tick.soldWh(),
        tick.givenWh(),
        tick.homes(),
        tick.closedAt());
  }
}

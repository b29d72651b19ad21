package energy.market.launcher.simulate;

import energy.market.launcher.model.DayRecord;
import energy.market.launcher.model.EventInfo;
import energy.market.server.feed.Tick;
import energy.market.server.price.ActiveEffect;
import java.util.ArrayList;
import java.util.List;

/** The closed days a market's ledger kept, as a run's results show them. */
final class LedgerDays {
  private LedgerDays() {}

  /** The closed days up to {@code lastDay}, in order. */
  static List<DayRecord> upTo(List<Tick> closedDays, long lastDay) {
    List<DayRecord> days = new ArrayList<>();
    for (Tick tick : closedDays) {
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

package energy.market.launcher.view;

import energy.market.launcher.model.DayRecord;
import energy.market.launcher.model.EventInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Days for view and results tests. */
public final class Days {
  private Days() {}

  /** A day with this price (micro-EUR/kWh) and, if {@code event} is not null, one event. */
  public static DayRecord day(long day, long priceMicro, String event) {
    List<EventInfo> events =
        event == null ? List.of() : List.of(new EventInfo("e" + day, event, day, 2, 10_000));
    return new DayRecord(
        day,
        priceMicro,
        1_000,
        12.5,
        false,
        events,
        1_000 * day,
        2_000 * day,
        500 * day,
        8,
        Instant.parse("2026-01-01T10:15:30.250Z"));
  }

  /** Days 1..n with prices rising by 0.001 EUR a day from 0.17. */
  public static List<DayRecord> rising(int n) {
    List<DayRecord> days = new ArrayList<>();
    for (int d = 1; d <= n; d++) {
      days.add(day(d, 170_000 + 1_000L * d, null));
    }
    return days;
  }
}

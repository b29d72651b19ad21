package energy.market.server.price;

import energy.market.model.EventKind;
import java.time.Instant;

/**
 * An event the market accepted.
 *
 * @param eventId the reporter's unique id
 * @param kind what happened
 * @param startDay the first day whose close it moves
 * @param spec its effect and duration
 * @param source where it came from, for people
 * @param receivedAt when the market accepted it
 */
public record MarketEventRecord(
    String eventId,
    EventKind kind,
    long startDay,
    EventSpec spec,
    String source,
    Instant receivedAt) {

  /** Its effect on the close of {@code day}. */
  public long effectOn(long day) {
    return spec.effectAtAge(day - startDay);
  }

  /** True when it moves the close of {@code day}. */
  public boolean activeOn(long day) {
    return day >= startDay && day < startDay + spec.durationDays();
  }
}

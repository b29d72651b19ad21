package energy.market.server.price;

import energy.market.model.EventKind;
import energy.market.server.input.TextRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events the market accepted, idempotent by event id, and their effects on each close.
 * Synchronized, because state views read it from other threads than the market's.
 */
public final class EventBook {
  /** The longest event id accepted. */
  public static final int MAX_ID_LENGTH = TextRules.MAX_ID;

  /** The longest source text accepted. */
  public static final int MAX_SOURCE_LENGTH = TextRules.MAX_SOURCE;

  private final EventCatalog catalog;
  private final Map<String, MarketEventRecord> byId = new HashMap<>();
  private final List<MarketEventRecord> active = new ArrayList<>();

  public EventBook(EventCatalog catalog) {
    this.catalog = catalog;
  }

  /** The outcome of a report. */
  public record Accepted(MarketEventRecord event, boolean duplicate) {}

  /**
   * Records an event that starts moving the price at the close of {@code startDay}. A known id
   * returns the recorded event and changes nothing.
   *
   * @throws IllegalArgumentException for an empty or too long id or source
   */
  public synchronized Accepted accept(
      String eventId, EventKind kind, String source, long startDay, Instant receivedAt) {
    TextRules.eventId(eventId);
    if (kind == null) {
      throw new IllegalArgumentException("event kind is missing");
    }
    source = TextRules.source(source);
    MarketEventRecord known = byId.get(eventId);
    if (known != null) {
      return new Accepted(known, true);
    }
    MarketEventRecord event =
        new MarketEventRecord(eventId, kind, startDay, catalog.spec(kind), source, receivedAt);
    restore(event);
    return new Accepted(event, false);
  }

  /** Re-adds an event accepted before (when the market resumes from its ledger). */
  public synchronized void restore(MarketEventRecord event) {
    byId.put(event.eventId(), event);
    active.add(event);
  }

  /** The events moving the close of {@code day}, with their effects, in order of acceptance. */
  public synchronized List<ActiveEffect> effectsOn(long day) {
    List<ActiveEffect> effects = new ArrayList<>();
    for (MarketEventRecord event : active) {
      if (event.activeOn(day)) {
        int remaining = (int) (event.startDay() + event.spec().durationDays() - 1 - day);
        effects.add(new ActiveEffect(event, remaining, event.effectOn(day)));
      }
    }
    return effects;
  }

  /** Forgets events that ended before {@code day}, keeping their ids for idempotency. */
  public synchronized void expireBefore(long day) {
    active.removeIf(event -> event.startDay() + event.spec().durationDays() <= day);
  }

  /** Every accepted event, by id. */
  public synchronized List<MarketEventRecord> all() {
    return List.copyOf(byId.values());
  }

  /** The catalog events are priced with. */
  public EventCatalog catalog() {
    return catalog;
  }
}

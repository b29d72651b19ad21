package energy.market.server.price;

import energy.market.model.EventKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The price effect and duration of every event kind. Immutable. */
public final class EventCatalog {
  private final Map<EventKind, EventSpec> specs;

  private EventCatalog(Map<EventKind, EventSpec> specs) {
    this.specs = Collections.unmodifiableMap(new EnumMap<>(specs));
  }

  /** The default catalog. */
  public static EventCatalog defaults() {
    Map<EventKind, EventSpec> specs = new EnumMap<>(EventKind.class);
    specs.put(EventKind.FUEL_SHORTAGE, new EventSpec(15_000, 7));
    specs.put(EventKind.WAR, new EventSpec(20_000, 30));
    specs.put(EventKind.NEW_ENERGY_LAW, new EventSpec(-10_000, 20));
    specs.put(EventKind.STORM, new EventSpec(10_000, 3));
    specs.put(EventKind.COLD_SNAP, new EventSpec(12_000, 5));
    return new EventCatalog(specs);
  }

  /** This catalog with one kind's spec replaced. */
  public EventCatalog with(EventKind kind, EventSpec spec) {
    Map<EventKind, EventSpec> copy = new EnumMap<>(specs);
    copy.put(kind, spec);
    return new EventCatalog(copy);
  }

  /** The spec of a kind. */
  public EventSpec spec(EventKind kind) {
    return specs.get(kind);
  }

  /** Every kind with its spec, in the kinds' order. */
  public Map<EventKind, EventSpec> all() {
    return specs;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EventCatalog catalog && specs.equals(catalog.specs);
  }

  @Override
  public int hashCode() {
    return specs.hashCode();
  }

  @Override
  public String toString() {
    return specs.toString();
  }
}

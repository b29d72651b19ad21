package energy.market.external;

import energy.market.model.EventKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The daemon's event catalog: for each event kind, in {@link EventKind} order, the signal that
 * raises it and its daily probability in random mode. Immutable; overrides return a new catalog.
 */
public final class EventCatalog {

  /**
   * Signals a person may map an event to. INT and TERM keep stopping the daemon cleanly, QUIT is
   * the JVM's thread dump, and KILL, STOP and the fault signals cannot be taken at all. HUP and
   * WINCH are allowed but not used by default (see {@link #defaults()}).
   */
  public static final List<String> ALLOWED_SIGNALS =
      List.of(
          "USR1", "USR2", "IO", "ALRM", "URG", "HUP", "WINCH", "PWR", "VTALRM", "PROF", "XCPU",
          "XFSZ", "TTIN", "TTOU");

  private final Map<EventKind, CatalogEntry> entries;

  private EventCatalog(Map<EventKind, CatalogEntry> entries) {
    this.entries = Collections.unmodifiableMap(new EnumMap<>(entries));
    if (!this.entries.keySet().equals(EnumSet.allOf(EventKind.class))) {
      throw new IllegalArgumentException("the catalog needs an entry for every event kind");
    }
    checkSignalsDistinct(this.entries);
  }

  /**
   * The default catalog. HUP and WINCH are left out on purpose: the terminal sends them by itself
   * (hang-up, window resize) to every process of its foreground group, which would fire events
   * nobody asked for.
   */
  public static EventCatalog defaults() {
    Map<EventKind, CatalogEntry> map = new EnumMap<>(EventKind.class);
    put(map, EventKind.FUEL_SHORTAGE, "USR1", 0.03);
    put(map, EventKind.WAR, "USR2", 0.005);
    put(map, EventKind.NEW_ENERGY_LAW, "IO", 0.01);
    put(map, EventKind.STORM, "ALRM", 0.04);
    put(map, EventKind.COLD_SNAP, "URG", 0.03);
    return new EventCatalog(map);
  }

  private static void put(
      Map<EventKind, CatalogEntry> map, EventKind kind, String signal, double probability) {
    map.put(kind, new CatalogEntry(kind, signal, probability));
  }

  /** The entries, in catalog order. */
  public List<CatalogEntry> entries() {
    return List.copyOf(entries.values());
  }

  /** The entry of a kind. */
  public CatalogEntry entry(EventKind kind) {
    return entries.get(kind);
  }

  /** The kind a signal raises, if any. */
  public Optional<EventKind> kindOf(String signal) {
    String name = normalizeSignal(signal);
    return entries.values().stream()
        .filter(e -> e.signal().equals(name))
        .map(CatalogEntry::kind)
        .findFirst();
  }

  /**
   * Applies {@code KIND=P} daily-probability overrides, for example {@code storm=0.02}.
   *
   * @throws IllegalArgumentException with a one-line reason for the first bad spec
   */
  public EventCatalog withProbabilities(List<String> specs) {
    Map<EventKind, CatalogEntry> map = new EnumMap<>(entries);
    Set<EventKind> seen = EnumSet.noneOf(EventKind.class);
    for (String spec : specs) {
      String[] pair = split(spec, "probability", "KIND=P", "storm=0.02");
      EventKind kind = kindOf(spec, pair[0], "probability");
      if (!seen.add(kind)) {
        throw new IllegalArgumentException("probability for " + kind.label() + " is given twice");
      }
      double probability = parseProbability(spec, pair[1]);
      map.put(kind, new CatalogEntry(kind, map.get(kind).signal(), probability));
    }
    return new EventCatalog(map);
  }

  /**
   * Applies {@code KIND=SIGNAL} overrides, for example {@code storm=WINCH} or {@code
   * storm=SIGWINCH}.
   *
   * @throws IllegalArgumentException with a one-line reason for the first bad spec, or when two
   *     kinds end up on the same signal
   */
  public EventCatalog withSignals(List<String> specs) {
    Map<EventKind, CatalogEntry> map = new EnumMap<>(entries);
    Set<EventKind> seen = EnumSet.noneOf(EventKind.class);
    for (String spec : specs) {
      String[] pair = split(spec, "signal", "KIND=SIGNAL", "storm=WINCH");
      EventKind kind = kindOf(spec, pair[0], "signal");
      if (!seen.add(kind)) {
        throw new IllegalArgumentException("signal for " + kind.label() + " is given twice");
      }
      String signal = normalizeSignal(pair[1]);
      if (!ALLOWED_SIGNALS.contains(signal)) {
        throw new IllegalArgumentException(
            "bad signal '"
                + spec
                + "': "
                + (signal.isEmpty() ? "no signal given" : "SIG" + signal + " cannot be used")
                + " (INT and TERM stop the daemon, QUIT belongs to the JVM); expected one of "
                + String.join(", ", ALLOWED_SIGNALS));
      }
      map.put(kind, new CatalogEntry(kind, signal, map.get(kind).dailyProbability()));
    }
    return new EventCatalog(map);
  }

  /** Upper case, without a {@code SIG} prefix: {@code sigusr1} becomes {@code USR1}. */
  static String normalizeSignal(String signal) {
    String name = signal == null ? "" : signal.trim().toUpperCase(Locale.ROOT);
    return name.startsWith("SIG") ? name.substring(3) : name;
  }

  private static String[] split(String spec, String what, String form, String example) {
    int eq = spec == null ? -1 : spec.indexOf('=');
    if (eq < 0) {
      throw new IllegalArgumentException(
          "bad " + what + " '" + spec + "': expected " + form + ", for example " + example);
    }
    return new String[] {spec.substring(0, eq), spec.substring(eq + 1).trim()};
  }

  private static EventKind kindOf(String spec, String text, String what) {
    try {
      return EventKind.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad " + what + " '" + spec + "': " + e.getMessage());
    }
  }

  private static double parseProbability(String spec, String text) {
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      value = Double.NaN;
    }
    if (!(value >= 0 && value <= 1)) { // also rejects NaN and the infinities
      throw new IllegalArgumentException(
          "bad probability '" + spec + "': '" + text + "' is not a number from 0 to 1");
    }
    return value;
  }

  private static void checkSignalsDistinct(Map<EventKind, CatalogEntry> entries) {
    Map<String, EventKind> bySignal = new HashMap<>();
    for (CatalogEntry entry : entries.values()) {
      EventKind other = bySignal.putIfAbsent(entry.signal(), entry.kind());
      if (other != null) {
        throw new IllegalArgumentException(
            "SIG"
                + entry.signal()
                + " is mapped to both "
                + other.label()
                + " and "
                + entry.kind().label()
                + "; each event kind needs its own signal");
      }
    }
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (CatalogEntry e : entries.values()) {
      parts.add("SIG" + e.signal() + "->" + e.kind().label() + "@" + e.dailyProbability());
    }
    return "EventCatalog" + parts;
  }
}

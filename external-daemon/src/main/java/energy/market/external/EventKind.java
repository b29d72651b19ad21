package energy.market.external;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of external event the market knows, in catalog order. */
public enum EventKind {
  /** Fuel is scarce: the price rises. */
  FUEL_SHORTAGE,
  /** A war disturbs supply: the price rises sharply and for long. */
  WAR,
  /** A new energy law lowers taxes on local energy: the price falls. */
  NEW_ENERGY_LAW,
  /** A storm damages the grid: the price rises for a few days. */
  STORM,
  /** A cold snap raises demand everywhere: the price rises. */
  COLD_SNAP;

  /** The name people read and type, for example {@code fuel-shortage}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses a kind as people type it: {@code fuel-shortage}, {@code fuel_shortage} or {@code
   * FUEL_SHORTAGE}.
   *
   * @throws IllegalArgumentException naming the allowed kinds when the text is none of them
   */
  public static EventKind parse(String text) {
    String key = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (EventKind kind : values()) {
      if (kind.name().equals(key)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown event kind '" + text + "'; expected one of " + allLabels());
  }

  /** Every kind's label, comma-separated, for error messages and help. */
  public static String allLabels() {
    return Arrays.stream(values()).map(EventKind::label).collect(Collectors.joining(", "));
  }
}

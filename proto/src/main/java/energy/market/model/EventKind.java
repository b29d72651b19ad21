package energy.market.model;

/** The kinds of external event the market knows. */
public enum EventKind {
  /** Fuel is scarce. */
  FUEL_SHORTAGE,
  /** A war disturbs supply. */
  WAR,
  /** A new energy law lowers taxes on local energy. */
  NEW_ENERGY_LAW,
  /** A storm damages the grid. */
  STORM,
  /** A cold snap raises demand. */
  COLD_SNAP;

  /** The kind's name as written in options and config files, for example {@code cold-snap}. */
  public String label() {
    return name().toLowerCase().replace('_', '-');
  }

  /**
   * Parses a label ({@code cold-snap}) or a constant name ({@code COLD_SNAP}).
   *
   * @throws IllegalArgumentException naming the allowed labels
   */
  public static EventKind parse(String text) {
    String wanted = text == null ? "" : text.trim().replace('-', '_').toUpperCase();
    for (EventKind kind : values()) {
      if (kind.name().equals(wanted)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown event kind '" + text + "'; allowed: " + allLabels());
  }

  /** Every kind's label, comma-separated, for messages and help. */
  public static String allLabels() {
    StringBuilder labels = new StringBuilder();
    for (EventKind kind : values()) {
      labels.append(labels.length() == 0 ? "" : ", ").append(kind.label());
    }
    return labels.toString();
  }
}

package energy.market.external;

import energy.market.model.EventKind;
import java.util.Objects;

/**
 * An event on its way to the market.
 *
 * @param id the unique id the market counts once (1 to 128 characters)
 * @param kind what happened
 * @param source where it came from, for people (at most 256 characters)
 */
public record ReportedEvent(String id, EventKind kind, String source) {

  /** The longest id the market accepts. */
  public static final int MAX_ID_LENGTH = 128;

  /** The longest source the market accepts. */
  public static final int MAX_SOURCE_LENGTH = 256;

  public ReportedEvent {
    Objects.requireNonNull(kind, "kind");
    if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException("event id must have 1 to 128 characters: " + id);
    }
    source = source == null ? "" : source;
    if (source.length() > MAX_SOURCE_LENGTH) {
      source = source.substring(0, MAX_SOURCE_LENGTH);
    }
  }

  /** A short description for log lines. */
  public String describe() {
    return kind.label() + " " + id + " (" + source + ")";
  }
}

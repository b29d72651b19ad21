package energy.market.server.engine;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A connected participant of the day clock: a process of homes, one home following through unary
 * calls, or a daemon. Owned by the market's thread.
 */
public final class Session {
  /** What kind of participant a session is. */
  public enum Kind {
    /** A process of homes that sends batched reports and orders. */
    HOMES,
    /** One home that acts through unary calls and FinishPhase. */
    UNARY_HOME,
    /** The weather daemon. */
    WEATHER,
    /** The external-events daemon. */
    EXTERNAL
  }

  private final long id;
  private final Kind kind;
  private final String label;
  private final SessionSink sink;
  private final Set<Long> homes = new LinkedHashSet<>();
  private boolean open = true;
  private boolean sawClose;
  private long firstDay;

  Session(long id, Kind kind, String label, SessionSink sink) {
    this.id = id;
    this.kind = kind;
    this.label = label;
    this.sink = sink;
  }

  public long id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  public String label() {
    return label;
  }

  SessionSink sink() {
    return sink;
  }

  Set<Long> homes() {
    return homes;
  }

  boolean isOpen() {
    return open;
  }

  void markClosed() {
    open = false;
  }

  /** The first day the session takes part in, as its welcome said. */
  long firstDay() {
    return firstDay;
  }

  void joinsFrom(long day) {
    firstDay = day;
  }

  /**
   * Notes that the session sees a day's close; true the first time, when its homes' balances go
   * with the close.
   */
  boolean noteClose() {
    boolean first = !sawClose;
    sawClose = true;
    return first;
  }

  boolean isDaemon() {
    return kind == Kind.WEATHER || kind == Kind.EXTERNAL;
  }

  @Override
  public String toString() {
    return "session "
        + id
        + " ("
        + kind.name().toLowerCase()
        + (label.isEmpty() ? "" : ", " + label)
        + ")";
  }
}

package energy.market.external;

import energy.market.model.EventKind;

/**
 * Where a caught signal goes. Called on the short-lived thread the JVM starts for each caught
 * signal: an implementation must not block for long or do I/O, only record the event.
 */
@FunctionalInterface
public interface EventSink {
  /**
   * An event of the catalog was raised.
   *
   * @param kind what happened
   * @param source where it came from, for people (for example {@code SIGUSR1 to pid 4242})
   */
  void raised(EventKind kind, String source);
}

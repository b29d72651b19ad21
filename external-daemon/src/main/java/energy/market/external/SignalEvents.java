package energy.market.external;

import energy.market.model.EventKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where POSIX signals meet the domain: installs a handler for each catalog entry's
 * signal that only calls {@link EventSink#raised}, and raises those signals for random mode.
 *
 * <p>The JVM keeps some signals (QUIT for thread dumps; INT, TERM and HUP run the shutdown hooks)
 * and a platform may lack others, so installing one can fail; that is reported in {@link
 * #failures()}, not fatal, as long as at least one signal was installed.
 */
public final class SignalEvents implements RandomMode.Raiser {

  private final Map<EventKind, String> installed;
  private final Map<EventKind, String> failures;

  private SignalEvents(Map<EventKind, String> installed, Map<EventKind, String> failures) {
    this.installed = Collections.unmodifiableMap(installed);
    this.failures = Collections.unmodifiableMap(failures);
  }

  /**
   * Installs the handlers.
   *
   * @param entries the catalog's entries
   * @param sink what a caught signal becomes
   */
  public static SignalEvents install(List<CatalogEntry> entries, EventSink sink) {
    long pid = ProcessHandle.current().pid();
    Map<EventKind, String> installed = new EnumMap<>(EventKind.class);
    Map<EventKind, String> failures = new EnumMap<>(EventKind.class);
    for (CatalogEntry entry : entries) {
      EventKind kind = entry.kind();
      String source = "SIG" + entry.signal() + " to pid " + pid;
      try {
        PosixSignals.handle(entry.signal(), () -> sink.raised(kind, source));
        installed.put(kind, entry.signal());
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        failures.put(kind, e.getMessage());
      }
    }
    return new SignalEvents(installed, failures);
  }

  /** The signal installed for each kind (without {@code SIG}). */
  public Map<EventKind, String> installed() {
    return installed;
  }

  /** Why a kind's signal could not be installed, per kind. */
  public Map<EventKind, String> failures() {
    return failures;
  }

  /** Raises the kind's real signal on this process; false when it is not installed. */
  @Override
  public boolean raise(EventKind kind) {
    String signal = installed.get(kind);
    if (signal == null) {
      return false;
    }
    PosixSignals.raise(signal);
    return true;
  }
}

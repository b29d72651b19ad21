package energy.market.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.model.EventKind;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Real signals in the test's own JVM. Only URG and WINCH are used: their default action is to be
 * ignored, so even a failed install could not end the test run.
 */
class SignalEventsTest {

  private final BlockingQueue<String> caught = new LinkedBlockingQueue<>();
  private final EventSink sink = (kind, source) -> caught.add(kind + " / " + source);

  @Test
  void raisedSignalReachesTheSinkAsItsEventKind() throws InterruptedException {
    SignalEvents signals =
        SignalEvents.install(List.of(new CatalogEntry(EventKind.COLD_SNAP, "URG", 0.1)), sink);

    assertEquals(Map.of(EventKind.COLD_SNAP, "URG"), signals.installed());
    assertEquals(Map.of(), signals.failures());
    assertTrue(signals.raise(EventKind.COLD_SNAP));

    assertEquals(
        "COLD_SNAP / SIGURG to pid " + ProcessHandle.current().pid(),
        caught.poll(10, TimeUnit.SECONDS));
  }

  @Test
  void signalsTheJvmRefusesAreReportedAndTheOthersStillWork() throws InterruptedException {
    SignalEvents signals =
        SignalEvents.install(
            List.of(
                new CatalogEntry(EventKind.WAR, "QUIT", 0),
                new CatalogEntry(EventKind.STORM, "NOPE", 0),
                new CatalogEntry(EventKind.NEW_ENERGY_LAW, "WINCH", 0)),
            sink);

    assertEquals(Map.of(EventKind.NEW_ENERGY_LAW, "WINCH"), signals.installed());
    assertTrue(signals.failures().get(EventKind.WAR).contains("SIGQUIT"), signals::toString);
    assertTrue(signals.failures().get(EventKind.STORM).contains("NOPE"), signals::toString);
    assertFalse(signals.raise(EventKind.WAR));

    assertTrue(signals.raise(EventKind.NEW_ENERGY_LAW));
    assertTrue(caught.poll(10, TimeUnit.SECONDS).startsWith("NEW_ENERGY_LAW / SIGWINCH to pid "));
  }
}

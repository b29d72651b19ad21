package energy.market.launcher.it.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.EventKind;
import energy.market.api.v1.MarketEvent;
import energy.market.client.ContractEnums;
import energy.market.external.CatalogEntry;
import energy.market.external.EventCatalog;
import energy.market.launcher.it.RunningMarket;
import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real {@code kill -s} signals to the daemon as a real process ({@code energy-market external})
 * become events the real market accepts, in the order sent.
 */
class SignalsIT {
  @TempDir Path dir;

  @Test
  void usr1AndUsr2BecomeEventsInTheOrderSentWithUniqueIds() throws Exception {
    try (RunningMarket market = new RunningMarket(dir, "--day-length", "1s");
        ChildProcess daemon = market.external()) {
      BlockingQueue<MarketEvent> feed = market.events();
      daemon.awaitLine("^waiting for signals$", Await.LONG);
      long pid = daemon.pid();
      assertTrue(
          daemon.transcript().startsWith("external daemon pid " + pid + "; market "),
          daemon.transcript());
      assertTrue(daemon.transcript().contains("kill -s USR1 " + pid), daemon.transcript());

      daemon.signal("USR1");
      daemon.awaitLine("\\(SIGUSR1 to pid " + pid + "\\): queued", Await.LONG);
      daemon.signal("USR2");
      List<MarketEvent> events =
          List.of(RunningMarket.nextEvent(feed), RunningMarket.nextEvent(feed));

      assertEquals(
          List.of(EventKind.EVENT_KIND_FUEL_SHORTAGE, EventKind.EVENT_KIND_WAR),
          events.stream().map(MarketEvent::getKind).collect(Collectors.toList()));
      assertNotEquals(events.get(0).getEventId(), events.get(1).getEventId());
      assertTrue(events.get(0).getEventId().startsWith("signal-" + pid + "-"), events::toString);
      assertEquals("SIGUSR1 to pid " + pid, events.get(0).getSource());
      assertEquals("SIGUSR2 to pid " + pid, events.get(1).getSource());
      daemon.awaitLine("^delivered war", Await.LONG);
      assertTrue(feed.isEmpty(), "each signal became one event: " + feed);

      assertEquals(143, daemon.terminate(Await.LONG), daemon.transcript());
      assertTrue(
          daemon.transcript().contains("[err] external daemon stopped"), daemon.transcript());
    }
  }

  @Test
  void everyDefaultSignalRaisesItsKind() throws Exception {
    try (RunningMarket market = new RunningMarket(dir, "--day-length", "1s");
        ChildProcess daemon = market.external()) {
      BlockingQueue<MarketEvent> feed = market.events();
      daemon.awaitLine("^waiting for signals$", Await.LONG);
      List<EventKind> expected = new ArrayList<>();
      List<EventKind> received = new ArrayList<>();
      for (CatalogEntry entry : EventCatalog.defaults().entries()) {
        expected.add(ContractEnums.eventKind(entry.kind()));
        daemon.signal(entry.signal());
        received.add(RunningMarket.nextEvent(feed).getKind());
      }

      assertEquals(expected, received);
    }
  }
}

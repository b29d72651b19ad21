package energy.market.external;

import static energy.market.external.DaemonProcess.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.EventKind;
import energy.market.api.v1.ReportEventRequest;
import energy.market.client.ContractEnums;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Real {@code kill -s} signals to the daemon as a real process, recorded by a real gRPC server. */
class SignalsIT {

  @Test
  void usr1AndUsr2BecomeEventsInTheOrderSentWithUniqueIds() throws Exception {
    try (TestMarket market = TestMarket.start(0);
        DaemonProcess daemon =
            DaemonProcess.start(
                "--market", market.address(), "--operator-token", TestMarket.TOKEN)) {
      daemon.awaitReady();
      long pid = daemon.pid();
      assertTrue(
          daemon.output().startsWith("external daemon pid " + pid + "; market "), daemon.output());
      assertTrue(daemon.output().contains("kill -s USR1 " + pid), daemon.output());

      daemon.kill("USR1");
      daemon.awaitLine(line -> line.contains("(SIGUSR1 to pid " + pid + "): queued"), TIMEOUT);
      daemon.kill("USR2");
      List<ReportEventRequest> reports =
          market.events.awaitCalls(2, TIMEOUT).stream()
              .map(RecordingEvents.Call::request)
              .collect(Collectors.toList());

      assertEquals(
          List.of(EventKind.EVENT_KIND_FUEL_SHORTAGE, EventKind.EVENT_KIND_WAR),
          reports.stream().map(ReportEventRequest::getKind).collect(Collectors.toList()));
      assertNotEquals(reports.get(0).getEventId(), reports.get(1).getEventId());
      assertTrue(reports.get(0).getEventId().startsWith("signal-" + pid + "-"), reports::toString);
      assertEquals("SIGUSR1 to pid " + pid, reports.get(0).getSource());
      assertEquals("SIGUSR2 to pid " + pid, reports.get(1).getSource());
      assertTrue(market.events.calls().stream().noneMatch(RecordingEvents.Call::duplicate));
      daemon.awaitLine(line -> line.startsWith("delivered war"), TIMEOUT);

      daemon.kill("TERM");
      assertEquals(143, daemon.awaitExit(TIMEOUT));
      assertTrue(daemon.output().contains("err: external daemon stopped"), daemon.output());
    }
  }

  @Test
  void everyDefaultSignalRaisesItsKind() throws Exception {
    try (TestMarket market = TestMarket.start(0);
        DaemonProcess daemon =
            DaemonProcess.start(
                "--market", market.address(), "--operator-token", TestMarket.TOKEN)) {
      daemon.awaitReady();
      List<CatalogEntry> entries = EventCatalog.defaults().entries();
      for (int i = 0; i < entries.size(); i++) {
        daemon.kill(entries.get(i).signal());
        market.events.awaitCalls(i + 1, TIMEOUT);
      }

      assertEquals(
          entries.stream().map(e -> ContractEnums.eventKind(e.kind())).collect(Collectors.toList()),
          market.events.calls().stream()
              .map(c -> c.request().getKind())
              .collect(Collectors.toList()));
    }
  }
}

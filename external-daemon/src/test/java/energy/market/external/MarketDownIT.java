package energy.market.external;

import static energy.market.external.DaemonProcess.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import energy.market.api.v1.EventKind;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Signals caught while the market is down are delivered, in order, once it starts. */
class MarketDownIT {

  @Test
  void eventsCaughtBeforeTheMarketStartsArriveWhenItDoes() throws Exception {
    int port = TestMarket.freePort();
    try (DaemonProcess daemon =
        DaemonProcess.start(
            "--market", "127.0.0.1:" + port, "--operator-token", TestMarket.TOKEN)) {
      daemon.awaitReady();
      daemon.kill("USR1");
      daemon.awaitLine(
          line -> line.contains("(SIGUSR1 to pid") && line.contains("queued"), TIMEOUT);
      daemon.awaitLine(line -> line.startsWith("could not deliver"), TIMEOUT);
      daemon.kill("USR2");
      daemon.awaitLine(
          line -> line.contains("(SIGUSR2 to pid") && line.contains("queued"), TIMEOUT);

      try (TestMarket market = TestMarket.start(port)) {
        List<RecordingEvents.Call> calls = market.events.awaitCalls(2, TIMEOUT);

        assertEquals(
            List.of(EventKind.EVENT_KIND_FUEL_SHORTAGE, EventKind.EVENT_KIND_WAR),
            calls.stream().map(c -> c.request().getKind()).collect(Collectors.toList()));
        assertEquals(
            2, calls.stream().map(c -> c.request().getEventId()).distinct().count(), "ids");
        daemon.awaitLine(line -> line.startsWith("delivered war"), TIMEOUT);
        assertEquals(2, market.events.calls().size(), "nothing was sent twice");
      }
    }
  }
}

package energy.market.launcher.it.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.EventKind;
import energy.market.api.v1.MarketEvent;
import energy.market.launcher.it.RunningMarket;
import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signals caught while the market is down are delivered, in order, once it starts. */
class MarketDownIT {
  @TempDir Path dir;

  @Test
  void eventsCaughtBeforeTheMarketStartsArriveWhenItDoes() throws Exception {
    int port = RunningMarket.freePort();
    try (ChildProcess daemon =
        ChildProcess.role(
            "external",
            "external",
            List.of(
                "--market",
                "127.0.0.1:" + port,
                "--operator-token",
                RunningMarket.OPERATOR_TOKEN))) {
      daemon.awaitLine("^waiting for signals$", Await.LONG);
      daemon.signal("USR1");
      daemon.awaitLine("\\(SIGUSR1 to pid .*queued", Await.LONG);
      daemon.awaitLine("^could not deliver", Await.LONG);
      daemon.signal("USR2");
      daemon.awaitLine("\\(SIGUSR2 to pid .*queued", Await.LONG);

      try (RunningMarket market =
          new RunningMarket(dir, "--port", Integer.toString(port), "--day-length", "1s")) {
        BlockingQueue<MarketEvent> feed = market.events();
        MarketEvent first = RunningMarket.nextEvent(feed);
        MarketEvent second = RunningMarket.nextEvent(feed);

        assertEquals(EventKind.EVENT_KIND_FUEL_SHORTAGE, first.getKind());
        assertEquals(EventKind.EVENT_KIND_WAR, second.getKind());
        assertEquals("SIGUSR2 to pid " + daemon.pid(), second.getSource());
        assertNotEquals(first.getEventId(), second.getEventId(), "ids");
        daemon.awaitLine("delivered war", Await.LONG);
        assertTrue(feed.isEmpty(), "nothing was accepted twice: " + feed);
        long deliveries =
            daemon.transcript().lines().filter(line -> line.contains("delivered ")).count();
        assertEquals(2, deliveries, "nothing was sent twice:\n" + daemon.transcript());
      }
    }
  }
}

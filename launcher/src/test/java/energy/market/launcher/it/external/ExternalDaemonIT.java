package energy.market.launcher.it.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.ActiveEvent;
import energy.market.api.v1.EventKind;
import energy.market.api.v1.MarketEvent;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.ReportEventRequest;
import energy.market.api.v1.ReportEventResponse;
import energy.market.launcher.it.RunningMarket;
import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with the real market as a process: a real {@code kill -s USR1} to the daemon becomes
 * an event on the market's event feed and in the next tick, and moves that close's price by the
 * event's effect compared with a run of the same seed without the signal.
 */
class ExternalDaemonIT {
  private static final String SEED = "5";

  @TempDir Path tmp;

  private RunningMarket market(String dataDir) throws Exception {
    return new RunningMarket(tmp.resolve(dataDir), "--day-length", "300ms", "--seed", SEED);
  }

  @Test
  void usr1MovesTheNextCloseByTheEventsEffectAndARetryCountsOnce() throws Exception {
    MarketEvent event;
    List<PriceTick> withSignal;
    try (RunningMarket market = market("with-signal");
        ChildProcess daemon = market.external()) {
      BlockingQueue<MarketEvent> feed = market.events();
      daemon.awaitLine("^waiting for signals$", Await.LONG);
      daemon.signal("USR1");

      event = RunningMarket.nextEvent(feed);
      assertEquals(EventKind.EVENT_KIND_FUEL_SHORTAGE, event.getKind());
      assertEquals("SIGUSR1 to pid " + daemon.pid(), event.getSource());
      assertTrue(event.getEventId().startsWith("signal-" + daemon.pid() + "-"), event::toString);
      assertNotEquals(0, event.getEffectMicroEurPerKwh());

      // The same id again, as a retry after a lost answer would send it: counted once.
      ReportEventResponse again =
          market
              .operatorEvents()
              .reportEvent(
                  ReportEventRequest.newBuilder()
                      .setEventId(event.getEventId())
                      .setKind(event.getKind())
                      .setSource("a retry")
                      .build());
      assertTrue(again.getDuplicate());

      long day = event.getStartDay();
      withSignal = market.ticks((int) day, Await.LONG);
      PriceTick startDay = withSignal.get((int) day - 1);
      List<ActiveEvent> active =
          startDay.getActiveEventsList().stream()
              .filter(a -> a.getEventId().equals(event.getEventId()))
              .collect(Collectors.toList());
      assertEquals(1, active.size(), startDay::toString);
      assertEquals(event.getEffectMicroEurPerKwh(), active.get(0).getEffectMicroEurPerKwh());
      assertEquals(day, active.get(0).getStartDay());
    }

    long day = event.getStartDay();
    List<PriceTick> without;
    try (RunningMarket market = market("without-signal")) {
      without = market.ticks((int) day, Await.LONG);
    }
    if (day > 1) {
      assertEquals(
          without.get((int) day - 2).getPriceMicroEurPerKwh(),
          withSignal.get((int) day - 2).getPriceMicroEurPerKwh(),
          "the runs agree before the event");
    }
    PriceTick withoutStart = without.get((int) day - 1);
    assertTrue(withoutStart.getActiveEventsList().isEmpty());
    assertEquals(
        event.getEffectMicroEurPerKwh(),
        withSignal.get((int) day - 1).getPriceMicroEurPerKwh()
            - withoutStart.getPriceMicroEurPerKwh(),
        "the price moved by the event's documented effect on its start day");
  }
}

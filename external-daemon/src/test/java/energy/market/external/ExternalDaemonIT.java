package energy.market.external;

import static energy.market.external.DaemonProcess.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.ActiveEvent;
import energy.market.api.v1.EventKind;
import energy.market.api.v1.EventsGrpc;
import energy.market.api.v1.MarketEvent;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.ReportEventRequest;
import energy.market.api.v1.ReportEventResponse;
import energy.market.api.v1.StreamEventsRequest;
import energy.market.api.v1.StreamPricesRequest;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with the real market as a process: a real {@code kill -s USR1} to the daemon becomes
 * an event on the market's event feed and in the next tick, and moves that close's price by the
 * event's effect compared with a run of the same seed without the signal.
 */
class ExternalDaemonIT {

  private static final String TOKEN = "t";
  private static final String SEED = "5";

  @TempDir Path tmp;

  /** A market process and a channel to it. */
  private record Market(DaemonProcess process, ManagedChannel channel) implements AutoCloseable {
    static Market start(Path dataDir, int port) throws Exception {
      DaemonProcess process =
          DaemonProcess.startMain(
              "energy.market.server.MarketMain",
              "--port",
              Integer.toString(port),
              "--bind",
              "127.0.0.1",
              "--day-length",
              "300ms",
              "--data-dir",
              dataDir.toString(),
              "--operator-token",
              TOKEN,
              "--seed",
              SEED);
      try {
        String line = process.awaitLine(l -> l.startsWith("market listening on port "), TIMEOUT);
        String actual = line.substring("market listening on port ".length()).trim();
        ManagedChannel channel =
            Grpc.newChannelBuilder("127.0.0.1:" + actual, InsecureChannelCredentials.create())
                .build();
        return new Market(process, channel);
      } catch (RuntimeException | Error | InterruptedException e) {
        process.close();
        throw e;
      }
    }

    String address() {
      return channel.authority();
    }

    /** The feed of accepted events, replayed from day 1, into a queue. */
    BlockingQueue<MarketEvent> events() {
      BlockingQueue<MarketEvent> queue = new LinkedBlockingQueue<>();
      EventsGrpc.newStub(channel)
          .streamEvents(
              StreamEventsRequest.newBuilder().setFromDay(1).build(),
              new StreamObserver<>() {
                @Override
                public void onNext(MarketEvent event) {
                  queue.add(event);
                }

                @Override
                public void onError(Throwable t) {}

                @Override
                public void onCompleted() {}
              });
      return queue;
    }

    /** The ticks of days {@code from}..{@code to}, waiting for them to close. */
    Map<Long, PriceTick> ticks(long from, long to) {
      Map<Long, PriceTick> ticks = new HashMap<>();
      // From day 1: the feed refuses a from_day beyond the next close, which a young market has.
      Iterator<PriceTick> feed =
          MarketGrpc.newBlockingStub(channel)
              .withDeadlineAfter(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
              .streamPrices(StreamPricesRequest.newBuilder().setFromDay(1).build());
      while (ticks.size() < to - from + 1) {
        PriceTick tick = feed.next();
        if (tick.getDay() >= from && tick.getDay() <= to) {
          ticks.put(tick.getDay(), tick);
        }
      }
      return ticks;
    }

    @Override
    public void close() {
      channel.shutdownNow();
      process.close();
    }
  }

  private static MarketEvent poll(BlockingQueue<MarketEvent> queue) throws InterruptedException {
    MarketEvent event = queue.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    if (event == null) {
      throw new AssertionError("no event on the market's feed within " + TIMEOUT);
    }
    return event;
  }

  @Test
  void usr1MovesTheNextCloseByTheEventsEffectAndARetryCountsOnce() throws Exception {
    MarketEvent event;
    Map<Long, PriceTick> withSignal;
    try (Market market = Market.start(tmp.resolve("with-signal"), 0);
        DaemonProcess daemon =
            DaemonProcess.start("--market", market.address(), "--operator-token", TOKEN)) {
      BlockingQueue<MarketEvent> feed = market.events();
      daemon.awaitReady();
      daemon.kill("USR1");

      event = poll(feed);
      assertEquals(EventKind.EVENT_KIND_FUEL_SHORTAGE, event.getKind());
      assertEquals("SIGUSR1 to pid " + daemon.pid(), event.getSource());
      assertTrue(event.getEventId().startsWith("signal-" + daemon.pid() + "-"), event::toString);
      assertNotEquals(0, event.getEffectMicroEurPerKwh());

      // The same id again, as a retry after a lost answer would send it: counted once.
      ReportEventResponse again =
          EventsGrpc.newBlockingStub(market.channel())
              .withDeadlineAfter(5, TimeUnit.SECONDS)
              .reportEvent(
                  ReportEventRequest.newBuilder()
                      .setOperatorToken(TOKEN)
                      .setEventId(event.getEventId())
                      .setKind(event.getKind())
                      .setSource("a retry")
                      .build());
      assertTrue(again.getDuplicate());

      long day = event.getStartDay();
      withSignal = market.ticks(Math.max(1, day - 1), day);
      List<ActiveEvent> active =
          withSignal.get(day).getActiveEventsList().stream()
              .filter(a -> a.getEventId().equals(event.getEventId()))
              .collect(Collectors.toList());
      assertEquals(1, active.size(), withSignal.get(day)::toString);
      assertEquals(event.getEffectMicroEurPerKwh(), active.get(0).getEffectMicroEurPerKwh());
      assertEquals(day, active.get(0).getStartDay());
    }

    long day = event.getStartDay();
    Map<Long, PriceTick> without;
    try (Market market = Market.start(tmp.resolve("without-signal"), 0)) {
      without = market.ticks(Math.max(1, day - 1), day);
    }
    if (day > 1) {
      assertEquals(
          without.get(day - 1).getPriceMicroEurPerKwh(),
          withSignal.get(day - 1).getPriceMicroEurPerKwh(),
          "the runs agree before the event");
    }
    assertTrue(without.get(day).getActiveEventsList().isEmpty());
    assertEquals(
        event.getEffectMicroEurPerKwh(),
        withSignal.get(day).getPriceMicroEurPerKwh() - without.get(day).getPriceMicroEurPerKwh(),
        "the price moved by the event's documented effect on its start day");
  }

  @Test
  void aSignalCaughtWhileTheMarketIsDownIsDeliveredWhenItStarts() throws Exception {
    int port = TestMarket.freePort();
    try (DaemonProcess daemon =
        DaemonProcess.start("--market", "127.0.0.1:" + port, "--operator-token", TOKEN)) {
      daemon.awaitReady();
      daemon.kill("USR2");
      daemon.awaitLine(line -> line.startsWith("could not deliver"), TIMEOUT);

      try (Market market = Market.start(tmp.resolve("late"), port)) {
        MarketEvent event = poll(market.events());

        assertEquals(EventKind.EVENT_KIND_WAR, event.getKind());
        assertEquals("SIGUSR2 to pid " + daemon.pid(), event.getSource());
        daemon.awaitLine(line -> line.startsWith("market back; delivered war"), TIMEOUT);
      }
    }
  }
}

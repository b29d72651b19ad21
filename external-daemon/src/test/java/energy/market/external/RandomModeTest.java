package energy.market.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.EventsGrpc;
import energy.market.api.v1.ReportEventRequest;
import energy.market.api.v1.ReportEventResponse;
import energy.market.client.Backoff;
import energy.market.external.client.GrpcEventReporter;
import energy.market.model.EventKind;
import energy.market.server.MethodTap;
import energy.market.server.MethodTap.Exchange;
import energy.market.server.TestMarket;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Random mode, ids and the intake against the real market on the in-process transport; the "signal"
 * is raised on a thread of its own, as the JVM dispatches real ones (SignalEventsTest covers real
 * signals).
 */
class RandomModeTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final EventCatalog WAR_AND_STORM_DAILY =
      EventCatalog.defaults()
          .withProbabilities(
              List.of("fuel-shortage=0", "war=1", "new-energy-law=0", "storm=1", "cold-snap=0"));

  private final MethodTap<ReportEventRequest, ReportEventResponse> events =
      new MethodTap<>(EventsGrpc.getReportEventMethod());
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private TestMarket market;
  private Outbox outbox;
  private EventIntake intake;

  @BeforeEach
  void start() throws IOException {
    market = TestMarket.fast(Duration.ofSeconds(5), 1, events);
    outbox =
        new Outbox(
            100,
            new GrpcEventReporter(market.channel, TestMarket.OPERATOR, Duration.ofSeconds(2)),
            new Backoff(Duration.ofMillis(5), Duration.ofMillis(20), new Random(1)),
            log::add);
    outbox.start();
    intake = new EventIntake("signal-42-abc", outbox);
  }

  @AfterEach
  void stop() throws InterruptedException {
    outbox.close();
    market.close();
  }

  private RandomMode randomMode(EventCatalog catalog, long seed, RandomMode.Raiser raiser) {
    return new RandomMode(new RandomDays(catalog, seed), seed, raiser, intake, outbox, log::add);
  }

  /** Raises like the JVM does: the handler runs later, on another thread. */
  private RandomMode.Raiser asyncSignal() {
    return kind -> {
      Thread handler = new Thread(() -> intake.raised(kind, "SIGTEST to pid 42"));
      handler.start();
      return true;
    };
  }

  private List<String> ids() {
    return events.answered().stream()
        .map(c -> c.request().getEventId())
        .collect(Collectors.toList());
  }

  @Test
  void openDayReturnsOnlyAfterTheMarketAcknowledgedTheDaysEvents() throws InterruptedException {
    List<EventKind> fired =
        randomMode(WAR_AND_STORM_DAILY, 9, asyncSignal()).openDay(4, Duration.ofSeconds(10));

    assertEquals(List.of(EventKind.WAR, EventKind.STORM), fired);
    // No waiting here: openDay returned, so both calls were already accepted.
    assertEquals(List.of("random-s9-d4-war", "random-s9-d4-storm"), ids());
    assertEquals(
        "SIGTEST to pid 42 (random mode, seed 9, day 4)",
        events.answered().get(0).request().getSource());
    assertTrue(
        log.contains("day 4: random mode raised war, storm; the market has acknowledged them"),
        log::toString);
  }

  @Test
  void aReplayedDayReportsTheSameIdsSoTheMarketCountsThemOnce() throws InterruptedException {
    RandomMode mode = randomMode(WAR_AND_STORM_DAILY, 9, asyncSignal());
    mode.openDay(4, Duration.ofSeconds(10));
    mode.openDay(4, Duration.ofSeconds(10));

    List<Exchange<ReportEventRequest, ReportEventResponse>> calls = events.answered();
    assertEquals(
        List.of("random-s9-d4-war", "random-s9-d4-storm", "random-s9-d4-war", "random-s9-d4-storm"),
        ids());
    assertEquals(
        List.of(false, false, true, true),
        calls.stream().map(c -> c.response().getDuplicate()).collect(Collectors.toList()));
  }

  @Test
  void aKindWithoutSignalHandlerIsStillReported() throws InterruptedException {
    randomMode(WAR_AND_STORM_DAILY, 9, kind -> false).openDay(2, Duration.ofSeconds(10));

    assertEquals(List.of("random-s9-d2-war", "random-s9-d2-storm"), ids());
    assertEquals(
        "no signal handler for war (random mode, seed 9, day 2)",
        events.answered().get(0).request().getSource());
  }

  @Test
  void aDayWithNothingToFireReportsNothing() throws InterruptedException {
    EventCatalog never =
        EventCatalog.defaults()
            .withProbabilities(
                List.of("fuel-shortage=0", "war=0", "new-energy-law=0", "storm=0", "cold-snap=0"));

    assertEquals(List.of(), randomMode(never, 9, asyncSignal()).openDay(1, Duration.ofSeconds(1)));
    assertEquals(0, events.attempts());
  }

  @Test
  void signalsFromPeopleGetUniqueIdsInTheOrderCaught() throws InterruptedException {
    intake.raised(EventKind.FUEL_SHORTAGE, "SIGUSR1 to pid 42");
    intake.raised(EventKind.FUEL_SHORTAGE, "SIGUSR1 to pid 42");
    intake.raised(EventKind.WAR, "SIGUSR2 to pid 42");

    events.awaitAnswered(3, WAIT);
    assertEquals(List.of("signal-42-abc-1", "signal-42-abc-2", "signal-42-abc-3"), ids());
  }

  @Test
  void instanceIdsDifferBetweenProcesses() {
    ProcessHandle self = ProcessHandle.current();
    ProcessHandle parent = self.parent().orElseThrow();

    assertTrue(
        EventIntake.instanceIdOf(self).startsWith("signal-" + self.pid() + "-"),
        EventIntake.instanceIdOf(self));
    assertTrue(!EventIntake.instanceIdOf(self).equals(EventIntake.instanceIdOf(parent)));
  }
}

package energy.market.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import energy.market.testing.Await;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The outbox and its gRPC reporter against the real market on the in-process transport, with the
 * market's failures injected in front of it.
 */
class OutboxTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String TOKEN = TestMarket.OPERATOR;

  private final MethodTap<ReportEventRequest, ReportEventResponse> events =
      new MethodTap<>(EventsGrpc.getReportEventMethod());
  private final List<String> log = new CopyOnWriteArrayList<>();
  private TestMarket market;
  // Calls the reporter made, counted on its side: the market refuses a wrong token before the
  // tap in front of its services sees the call.
  private final AtomicInteger reportCalls = new AtomicInteger();
  private Channel channel;
  private Outbox outbox;

  @BeforeEach
  void startServer() throws IOException {
    market = TestMarket.fast(Duration.ofSeconds(5), 1, events);
    channel =
        ClientInterceptors.intercept(
            market.channel,
            new ClientInterceptor() {
              @Override
              public <Q, R> ClientCall<Q, R> interceptCall(
                  MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
                reportCalls.incrementAndGet();
                return next.newCall(method, options);
              }
            });
  }

  @AfterEach
  void stopAll() throws InterruptedException {
    if (outbox != null) {
      outbox.close();
    }
    market.close();
  }

  private Outbox outbox(int capacity, String token) {
    outbox =
        new Outbox(
            capacity,
            new GrpcEventReporter(channel, token, Duration.ofSeconds(2)),
            new Backoff(Duration.ofMillis(5), Duration.ofMillis(20), new Random(1)),
            log::add);
    return outbox;
  }

  private static ReportedEvent event(int n) {
    return new ReportedEvent(
        "e" + n, EventKind.values()[n % EventKind.values().length], "test " + n);
  }

  private static List<String> ids(List<Exchange<ReportEventRequest, ReportEventResponse>> calls) {
    return calls.stream().map(c -> c.request().getEventId()).collect(Collectors.toList());
  }

  @ParameterizedTest
  @EnumSource(
      value = Status.Code.class,
      names = {"UNAVAILABLE", "DEADLINE_EXCEEDED", "RESOURCE_EXHAUSTED"})
  void eventsArriveInOrderOnceEachAfterTheMarketFailsTheFirstCalls(Status.Code code)
      throws InterruptedException {
    events.failNext(3, Status.fromCode(code));
    Outbox box = outbox(100, TOKEN);
    box.start();
    for (int n = 1; n <= 5; n++) {
      assertTrue(box.offer(event(n)));
    }

    List<Exchange<ReportEventRequest, ReportEventResponse>> calls = events.awaitAnswered(5, WAIT);
    assertTrue(box.awaitDelivered(box.lastSequence(), WAIT));

    assertEquals(List.of("e1", "e2", "e3", "e4", "e5"), ids(calls));
    assertTrue(calls.stream().noneMatch(c -> c.response().getDuplicate()), calls::toString);
    assertEquals(8, events.attempts());
    assertEquals(5, box.delivered());
    assertEquals(0, box.waiting());
    assertEquals(
        EventKind.values().length,
        calls.stream().map(c -> c.request().getKind()).collect(Collectors.toSet()).size());
  }

  @Test
  void eventsCaughtDuringAnOutageKeepTheirOrderAndAllArrive() throws InterruptedException {
    events.failNext(Integer.MAX_VALUE, Status.UNAVAILABLE);
    Outbox box = outbox(100, TOKEN);
    box.start();
    box.offer(event(1));
    events.awaitAttempts(3, WAIT);
    box.offer(event(2));
    box.offer(event(3));
    events.failNext(0, Status.UNAVAILABLE);

    List<Exchange<ReportEventRequest, ReportEventResponse>> calls = events.awaitAnswered(3, WAIT);

    assertEquals(List.of("e1", "e2", "e3"), ids(calls));
    assertEquals(3, new HashSet<>(ids(calls)).size());
    assertTrue(
        log.stream().anyMatch(line -> line.startsWith("could not deliver e1 yet (UNAVAILABLE")),
        log::toString);
  }

  @Test
  void refusedEventIsDroppedAndTheNextOneStillGoes() throws InterruptedException {
    events.refuse(request -> request.getEventId().equals("e2"), Status.INVALID_ARGUMENT);
    Outbox box = outbox(100, TOKEN);
    box.start();
    box.offer(event(1));
    box.offer(event(2));
    box.offer(event(3));

    assertTrue(box.awaitDelivered(box.lastSequence(), WAIT));

    assertEquals(List.of("e1", "e3"), ids(events.answered()));
    assertEquals(3, events.attempts());
    awaitLog("dropped new-energy-law e2 (test 2): the market refused it (INVALID_ARGUMENT");
  }

  @Test
  void badTokenDropsEachEventAfterOneAttempt() throws InterruptedException {
    Outbox box = outbox(100, "wrong");
    box.start();
    box.offer(event(1));
    box.offer(event(2));

    assertTrue(box.awaitDelivered(box.lastSequence(), WAIT));

    assertEquals(List.of(), events.answered());
    assertEquals(2, reportCalls.get());
    assertEquals(0, box.delivered());
    awaitLog("dropped war e1 (test 1): the market refused it (UNAUTHENTICATED");
  }

  @Test
  void anIdAlreadyWaitingIsNotQueuedTwice() throws InterruptedException {
    Outbox box = outbox(100, TOKEN);
    assertTrue(box.offer(event(1)));
    assertFalse(box.offer(event(1)));
    box.start();

    assertTrue(box.awaitDelivered(box.lastSequence(), WAIT));

    assertEquals(List.of("e1"), ids(events.answered()));
    assertEquals(1, events.attempts());
  }

  @Test
  void fullOutboxDropsNewEventsWithALogLine() throws InterruptedException {
    Outbox box = outbox(2, TOKEN);
    assertTrue(box.offer(event(1)));
    assertTrue(box.offer(event(2)));
    assertFalse(box.offer(event(3)));
    box.start();

    assertTrue(box.awaitDelivered(box.lastSequence(), WAIT));

    assertEquals(List.of("e1", "e2"), ids(events.answered()));
    awaitLog("outbox full (2 events wait for the market): dropped storm e3 (test 3)");
  }

  @Test
  void closeStopsWithoutDeliveringAndCountsWhatIsLeft() throws InterruptedException {
    events.failNext(Integer.MAX_VALUE, Status.UNAVAILABLE);
    Outbox box = outbox(100, TOKEN);
    box.start();
    box.offer(event(1));
    box.offer(event(2));
    events.awaitAttempts(1, WAIT);

    assertEquals(2, box.closeAndCount(Duration.ofSeconds(5)));
    assertFalse(box.offer(event(3)));
    assertFalse(box.awaitDelivered(box.lastSequence(), Duration.ofMillis(10)));
  }

  private void awaitLog(String prefix) throws InterruptedException {
    Await.until(
        "a log line starting with '" + prefix + "' in " + log,
        () -> log.stream().anyMatch(line -> line.startsWith(prefix)),
        WAIT);
  }
}

package energy.market.server.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.EventKind;
import energy.market.api.v1.MarketEvent;
import energy.market.api.v1.ReportEventRequest;
import energy.market.api.v1.ReportEventResponse;
import energy.market.api.v1.StreamEventsRequest;
import energy.market.client.MarketCredentials;
import energy.market.server.TestMarket;
import energy.market.server.feed.Tick;
import energy.market.server.price.EventCatalog;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventsServiceTest {

  private static ReportEventRequest storm(String id) {
    return ReportEventRequest.newBuilder()
        .setEventId(id)
        .setKind(EventKind.EVENT_KIND_STORM)
        .setSource("test")
        .build();
  }

  @Test
  void theSameEventIdReportedTwiceCountsOnce() throws Exception {
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(1), 3)) {
      ReportEventResponse first = market.operatorEvents().reportEvent(storm("storm-1"));
      ReportEventResponse again = market.operatorEvents().reportEvent(storm("storm-1"));
      assertFalse(first.getDuplicate());
      assertTrue(again.getDuplicate());
      assertEquals(first.getEvent(), again.getEvent());
      market.startClock();
      market.engine.finished().get(10, TimeUnit.SECONDS);
      Tick day1 = market.engine.ticks().history().get(0);
      assertEquals(1, day1.events().size());
      Iterator<MarketEvent> feed =
          market.events().streamEvents(StreamEventsRequest.newBuilder().setFromDay(1).build());
      assertEquals("storm-1", feed.next().getEventId());
    }
  }

  @Test
  void malformedEventsAndWrongTokensAreRejectedAndChangeNothing() throws Exception {
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(1), 1)) {
      List<ReportEventRequest> invalid =
          List.of(
              storm("").toBuilder().build(),
              storm("x".repeat(129)),
              storm("k").toBuilder().setKind(EventKind.EVENT_KIND_UNSPECIFIED).build(),
              storm("u").toBuilder().setKindValue(99).build(),
              storm("s").toBuilder().setSource("y".repeat(300)).build());
      for (ReportEventRequest request : invalid) {
        StatusRuntimeException error =
            assertThrows(
                StatusRuntimeException.class, () -> market.operatorEvents().reportEvent(request));
        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode(), request.toString());
      }
      StatusRuntimeException unauthenticated =
          assertThrows(
              StatusRuntimeException.class,
              () ->
                  market
                      .events()
                      .withCallCredentials(MarketCredentials.operator("guess"))
                      .reportEvent(storm("t")));
      assertEquals(Status.Code.UNAUTHENTICATED, unauthenticated.getStatus().getCode());
      assertEquals(0, market.engine.events().history().size());
    }
  }

  @Test
  void anEventMovesThePriceByItsEffectComparedWithTheSameRunWithoutIt() throws Exception {
    List<Tick> without;
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(1), 6)) {
      market.startClock();
      market.engine.finished().get(10, TimeUnit.SECONDS);
      without = market.engine.ticks().history();
    }
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(1), 6)) {
      market.operatorEvents().reportEvent(storm("storm-9"));
      market.startClock();
      market.engine.finished().get(10, TimeUnit.SECONDS);
      List<Tick> with = market.engine.ticks().history();
      long effect = EventCatalog.defaults().spec(energy.market.model.EventKind.STORM).effectMicro();
      assertEquals(without.get(0).priceMicro() + effect, with.get(0).priceMicro());
      assertEquals("storm-9", with.get(0).events().get(0).event().eventId());
      assertEquals(2, with.get(0).events().get(0).remainingDays());
      assertTrue(with.get(1).priceMicro() > without.get(1).priceMicro(), "the effect lasts");
      assertTrue(with.get(2).events().size() == 1 && with.get(3).events().isEmpty(), "3 days");
    }
  }
}

package energy.market.server.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.StreamPricesRequest;
import energy.market.server.TestMarket;
import energy.market.server.clock.Pace;
import energy.market.server.engine.MarketSettings;
import energy.market.server.ledger.Ledger;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PriceFeedTest {

  private static BlockingQueue<PriceTick> subscribe(TestMarket market, long fromDay) {
    BlockingQueue<PriceTick> ticks = new LinkedBlockingQueue<>();
    MarketGrpc.newStub(market.channel)
        .streamPrices(
            StreamPricesRequest.newBuilder().setFromDay(fromDay).build(),
            new StreamObserver<>() {
              @Override
              public void onNext(PriceTick tick) {
                ticks.add(tick);
              }

              @Override
              public void onError(Throwable t) {}

              @Override
              public void onCompleted() {}
            });
    return ticks;
  }

  @Test
  void aSubscriberReplaysFromItsDay() throws Exception {
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(1), 50)) {
      market.startClock();
      market.engine.finished().get(10, TimeUnit.SECONDS);
      BlockingQueue<PriceTick> ticks = subscribe(market, 45);
      for (long day = 45; day <= 50; day++) {
        PriceTick tick = ticks.poll(5, TimeUnit.SECONDS);
        assertEquals(day, tick.getDay());
        assertEquals(
            market.engine.ticks().history().get((int) day - 1).priceMicro(),
            tick.getPriceMicroEurPerKwh());
      }
    }
  }

  @Test
  void aLiveSubscriberGetsOneTickPerClosedDayInOrder() throws Exception {
    MarketSettings settings =
        TestMarket.settings(Pace.fixed(Duration.ofMillis(20)), Long.MAX_VALUE);
    try (TestMarket market = new TestMarket(settings, Ledger.IN_MEMORY)) {
      market.startClock();
      BlockingQueue<PriceTick> ticks = subscribe(market, 0);
      PriceTick first = ticks.poll(5, TimeUnit.SECONDS);
      for (int i = 1; i <= 5; i++) {
        PriceTick next = ticks.poll(5, TimeUnit.SECONDS);
        assertEquals(first.getDay() + i, next.getDay());
        assertEquals(
            next.getTradedPriceMicroEurPerKwh() + next.getChangeMicroEurPerKwh(),
            next.getPriceMicroEurPerKwh());
      }
    }
  }

  @Test
  void aDayAfterTheNextCloseIsRejected() throws Exception {
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(1), 1)) {
      Iterator<PriceTick> ticks =
          market.market().streamPrices(StreamPricesRequest.newBuilder().setFromDay(500).build());
      StatusRuntimeException error = assertThrows(StatusRuntimeException.class, ticks::hasNext);
      assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
      assertTrue(error.getStatus().getDescription().contains("from_day 500"));
    }
  }

  @Test
  void aSubscriberThatStopsReadingIsDroppedAndTheMarketGoesOn() throws Exception {
    MarketSettings defaults = TestMarket.settings(Pace.fast(Duration.ofSeconds(1)), 2_000);
    MarketSettings settings =
        new MarketSettings(
            defaults.seed(),
            defaults.pace(),
            defaults.days(),
            defaults.price(),
            defaults.events(),
            4,
            1024,
            3,
            5,
            TestMarket.OPERATOR);
    try (TestMarket market = new TestMarket(settings, Ledger.IN_MEMORY)) {
      CompletableFuture<Status> closed = new CompletableFuture<>();
      ClientCall<StreamPricesRequest, PriceTick> call =
          market.channel.newCall(MarketGrpc.getStreamPricesMethod(), CallOptions.DEFAULT);
      call.start(
          new ClientCall.Listener<>() {
            @Override
            public void onClose(Status status, Metadata trailers) {
              closed.complete(status);
            }
          },
          new Metadata());
      // Never call request(n): the subscriber reads nothing.
      call.sendMessage(StreamPricesRequest.getDefaultInstance());
      call.halfClose();
      market.startClock();
      assertEquals(2_000, market.engine.finished().get(20, TimeUnit.SECONDS));
      Status status = closed.get(10, TimeUnit.SECONDS);
      assertEquals(Status.Code.RESOURCE_EXHAUSTED, status.getCode());
      assertTrue(status.getDescription().contains("behind"), status.getDescription());
      assertEquals(0, market.engine.ticks().subscribers());
      List<?> history = market.engine.ticks().history();
      assertEquals(2_000, history.size());
    }
  }
}

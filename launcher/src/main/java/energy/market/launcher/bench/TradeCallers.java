package energy.market.launcher.bench;

import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.TradeReceipt;
import energy.market.api.v1.TradeRequest;
import energy.market.api.v1.TradeSide;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench trades}' unary load: closed-loop callers, each starting its next trade (a 1-Wh buy
 * of one of {@code homes}, on day 1) when the previous one is answered.
 */
final class TradeCallers {
  private final MarketGrpc.MarketStub stub;
  private final List<Long> homes;
  final AtomicLong ok = new AtomicLong();
  final AtomicLong refused = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong sequence = new AtomicLong();
  final LatencyRecorder latency = new LatencyRecorder();
  private long endNanos;
  private CountDownLatch finished;

  TradeCallers(MarketGrpc.MarketStub stub, List<Long> homes) {
    this.stub = stub;
    this.homes = homes;
  }

  void run(int callers, long durationNanos) throws InterruptedException {
    endNanos = System.nanoTime() + durationNanos;
    finished = new CountDownLatch(callers);
    for (int i = 0; i < callers; i++) {
      next();
    }
    finished.await(durationNanos / 1_000_000 + 60_000, TimeUnit.MILLISECONDS);
  }

  private void next() {
    long started = System.nanoTime();
    if (started >= endNanos) {
      finished.countDown();
      return;
    }
    long n = sequence.incrementAndGet();
    long home = homes.get((int) (n % homes.size()));
    stub.withDeadlineAfter(30, TimeUnit.SECONDS)
        .trade(
            TradeRequest.newBuilder()
                .setHomeId(home)
                .setDay(1)
                .setSide(TradeSide.TRADE_SIDE_BUY)
                .setAmountWh(1)
                .setRequestId("bench-" + n)
                .build(),
            new StreamObserver<>() {
              @Override
              public void onNext(TradeReceipt receipt) {
                ok.incrementAndGet();
                latency.record(System.nanoTime() - started);
              }

              @Override
              public void onError(Throwable t) {
                if (Status.fromThrowable(t).getCode() == Status.Code.RESOURCE_EXHAUSTED) {
                  refused.incrementAndGet();
                } else {
                  failed.incrementAndGet();
                }
                next();
              }

              @Override
              public void onCompleted() {
                next();
              }
            });
  }
}

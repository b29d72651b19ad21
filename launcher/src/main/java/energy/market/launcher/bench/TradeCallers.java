package energy.market.launcher.bench;

import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.TradeReceipt;
import energy.market.api.v1.TradeRequest;
import energy.market.api.v1.TradeSide;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench trades}' unary load: closed-loop callers, each trade a 1-Wh buy of one of {@code
 * homes} on day 1, with a request id of its own.
 */
final class TradeCallers extends ClosedLoopCalls<TradeReceipt> {
  private final MarketGrpc.MarketStub stub;
  private final List<Long> homes;

  /** The trades started so far; a later load goes on from a warm-up's, so no request id repeats. */
  final AtomicLong sequence = new AtomicLong();

  TradeCallers(MarketGrpc.MarketStub stub, List<Long> homes) {
    this.stub = stub;
    this.homes = homes;
  }

  @Override
  void call(StreamObserver<TradeReceipt> answer) {
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
            answer);
  }
}

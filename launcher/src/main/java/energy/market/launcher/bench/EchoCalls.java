package energy.market.launcher.bench;

import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop unary echo callers, as {@code bench trades} drives trades: each caller starts its
 * next call when the previous one is answered, so {@code callers} calls are always in flight.
 */
final class EchoCalls {
  private final Channel channel;
  private final BytesValue request;
  final AtomicLong ok = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final LatencyRecorder latency = new LatencyRecorder();
  private long endNanos;
  private CountDownLatch finished;

  /**
   * @param payloadBytes the size of each request (and answer), about a trade request's
   */
  EchoCalls(Channel channel, int payloadBytes) {
    this.channel = channel;
    this.request =
        BytesValue.newBuilder().setValue(ByteString.copyFrom(new byte[payloadBytes])).build();
  }

  /** Keeps {@code callers} calls in flight for {@code durationNanos}, then waits for the last. */
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
    ClientCalls.asyncUnaryCall(
        channel.newCall(
            EchoService.ECHO, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS)),
        request,
        new StreamObserver<>() {
          @Override
          public void onNext(BytesValue answer) {
            ok.incrementAndGet();
            latency.record(System.nanoTime() - started);
          }

          @Override
          public void onError(Throwable t) {
            failed.incrementAndGet();
            next();
          }

          @Override
          public void onCompleted() {
            next();
          }
        });
  }
}

package energy.market.launcher.bench;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop unary callers, as the benches drive the market and the transport baseline: each
 * caller starts its next call when the previous one is answered, so {@code callers} calls are
 * always in flight. A subclass makes the one call; this counts and times the answers.
 *
 * @param <A> the answer's type
 */
abstract class ClosedLoopCalls<A> {
  /** Calls answered. */
  final AtomicLong ok = new AtomicLong();

  /** Calls refused as overload ({@code RESOURCE_EXHAUSTED}). */
  final AtomicLong refused = new AtomicLong();

  /** Calls failed otherwise. */
  final AtomicLong failed = new AtomicLong();

  /** Each answered call's time from its start to its answer. */
  final LatencyRecorder latency = new LatencyRecorder();

  private long endNanos;
  private CountDownLatch finished;

  /** Keeps {@code callers} calls in flight for {@code durationNanos}, then waits for the last. */
  void run(int callers, long durationNanos) throws InterruptedException {
    endNanos = System.nanoTime() + durationNanos;
    finished = new CountDownLatch(callers);
    for (int i = 0; i < callers; i++) {
      next();
    }
    finished.await(durationNanos / 1_000_000 + 60_000, TimeUnit.MILLISECONDS);
  }

  /** Starts one call whose answer, or failure, goes to {@code answer}. */
  abstract void call(StreamObserver<A> answer);

  private void next() {
    long started = System.nanoTime();
    if (started >= endNanos) {
      finished.countDown();
      return;
    }
    call(
        new StreamObserver<>() {
          @Override
          public void onNext(A answer) {
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

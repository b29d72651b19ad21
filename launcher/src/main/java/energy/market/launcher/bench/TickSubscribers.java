package energy.market.launcher.bench;

import com.google.protobuf.BytesValue;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Subscribers of the echo server's tick stream, as {@code bench feed}'s subscribe to the price
 * feed: each tick's latency is its arrival less its send time (one machine, one clock), counted in
 * a window that opens after every subscriber has had a tick and a warm-up has passed.
 */
final class TickSubscribers {
  final AtomicLong received = new AtomicLong();
  final AtomicLong errors = new AtomicLong();
  final LatencyRecorder latency = new LatencyRecorder();
  private CountDownLatch subscribed = new CountDownLatch(0);
  private volatile long windowStart = Long.MAX_VALUE;
  private volatile long windowEnd = Long.MAX_VALUE;
  private long windowNanos;

  /** Opens {@code subscribers} streams, spread over {@code channels} round robin. */
  void subscribe(int subscribers, List<? extends Channel> channels) {
    subscribed = new CountDownLatch(subscribers);
    for (int i = 0; i < subscribers; i++) {
      ClientCalls.asyncServerStreamingCall(
          channels.get(i % channels.size()).newCall(EchoService.TICKS, CallOptions.DEFAULT),
          BytesValue.getDefaultInstance(),
          new StreamObserver<>() {
            private boolean first = true;

            @Override
            public void onNext(BytesValue tick) {
              if (first) {
                first = false;
                subscribed.countDown();
              }
              long arrived = System.nanoTime();
              if (arrived < windowStart || arrived >= windowEnd) {
                return;
              }
              Instant sent = EchoService.stampOf(tick.getValue());
              Instant now = Instant.now();
              latency.record(
                  (now.getEpochSecond() - sent.getEpochSecond()) * 1_000_000_000L
                      + (now.getNano() - sent.getNano()));
              received.incrementAndGet();
            }

            @Override
            public void onError(Throwable t) {
              errors.incrementAndGet();
              subscribed.countDown();
            }

            @Override
            public void onCompleted() {}
          });
    }
  }

  /**
   * Waits until every subscriber has had its first tick (or failed), then lets {@code warmUp} pass,
   * then counts ticks for {@code window}.
   *
   * @throws IllegalStateException when some subscriber had no tick within {@code timeout}
   */
  void measure(Duration timeout, Duration warmUp, Duration window) throws InterruptedException {
    if (!subscribed.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(
          subscribed.getCount() + " subscribers had no tick within " + timeout.toSeconds() + " s");
    }
    // Timed windows, not waits for a state: the figures are what arrives within them.
    TimeUnit.NANOSECONDS.sleep(warmUp.toNanos());
    long start = System.nanoTime();
    windowStart = start;
    TimeUnit.NANOSECONDS.sleep(window.toNanos());
    long end = System.nanoTime();
    windowEnd = end;
    windowNanos = end - start;
  }

  /** Ticks delivered per second of the window. */
  double ticksPerSecond() {
    return windowNanos == 0 ? Double.NaN : received.get() / (windowNanos / 1e9);
  }
}

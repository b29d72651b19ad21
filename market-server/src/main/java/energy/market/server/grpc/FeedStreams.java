package energy.market.server.grpc;

import energy.market.server.feed.FeedSink;
import energy.market.server.feed.ReplayFeed;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** Serves a {@link ReplayFeed} on a server stream, pulling only while the stream is ready. */
final class FeedStreams {
  private FeedStreams() {}

  /**
   * Subscribes the call to the feed from {@code fromDay}.
   *
   * @throws IllegalArgumentException for a bad day (before anything is sent)
   */
  static <T, P> void serve(
      ReplayFeed<T> feed, long fromDay, StreamObserver<P> observer, Function<T, P> toProto) {
    ServerCallStreamObserver<P> call = (ServerCallStreamObserver<P>) observer;
    AtomicReference<ReplayFeed<T>.Subscription> subscription = new AtomicReference<>();
    call.setOnReadyHandler(
        () -> {
          ReplayFeed<T>.Subscription current = subscription.get();
          if (current != null) {
            current.drain();
          }
        });
    call.setOnCancelHandler(
        () -> {
          ReplayFeed<T>.Subscription current = subscription.get();
          if (current != null) {
            current.cancel();
          }
        });
    FeedSink<T> sink =
        new FeedSink<>() {
          @Override
          public boolean isReady() {
            return call.isReady() && !call.isCancelled();
          }

          @Override
          public void send(T item) {
            call.onNext(toProto.apply(item));
          }

          @Override
          public void end(String reason) {
            call.onError(Status.UNAVAILABLE.withDescription(reason).asRuntimeException());
          }

          @Override
          public void drop(String reason) {
            call.onError(
                Status.RESOURCE_EXHAUSTED
                    .withDescription(reason + "; subscribe again with a later from_day")
                    .asRuntimeException());
          }
        };
    subscription.set(feed.subscribe(fromDay, sink));
    if (call.isCancelled()) {
      subscription.get().cancel();
    }
  }
}

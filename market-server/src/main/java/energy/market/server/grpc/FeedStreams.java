package energy.market.server.grpc;

import energy.market.server.feed.FeedSink;
import energy.market.server.feed.ReplayFeed;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/** Serves a {@link ReplayFeed} on a server stream, pulling only while the stream is ready. */
final class FeedStreams {
  /**
   * The most bytes a subscriber may have waiting in the transport before the feed stops pulling for
   * it: about eight ticks. gRPC's default, 32 KiB a stream, would let 10,000 stalled subscribers
   * hold 320 MB of ticks, and each waiting tick also holds the transport's objects (a buffer, a
   * frame, a promise); past this the ticks wait in the shared history, where the lag rule bounds
   * them.
   */
  static final int QUEUED_BYTES_PER_SUBSCRIBER = 1024;

  private FeedStreams() {}

  /**
   * The service with {@code feed}'s replies sent as {@link EncodedMessage}s by {@code handler}: the
   * same method on the wire (name, request, reply bytes), but each item is encoded once for every
   * subscriber rather than once a subscriber. The other methods are bound as they were.
   */
  static <Q> ServerServiceDefinition encodedReplies(
      ServerServiceDefinition service,
      MethodDescriptor<Q, ?> feed,
      ServerCalls.ServerStreamingMethod<Q, EncodedMessage> handler) {
    MethodDescriptor<Q, EncodedMessage> encoded =
        feed.toBuilder(feed.getRequestMarshaller(), EncodedMessage.MARSHALLER).build();
    ServiceDescriptor original = service.getServiceDescriptor();
    ServiceDescriptor.Builder descriptor =
        ServiceDescriptor.newBuilder(original.getName())
            .setSchemaDescriptor(original.getSchemaDescriptor());
    for (MethodDescriptor<?, ?> method : original.getMethods()) {
      descriptor.addMethod(isFeed(method, feed) ? encoded : method);
    }
    ServerServiceDefinition.Builder rebound = ServerServiceDefinition.builder(descriptor.build());
    for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
      if (!isFeed(method.getMethodDescriptor(), feed)) {
        rebound.addMethod(method);
      }
    }
    return rebound.addMethod(encoded, ServerCalls.asyncServerStreamingCall(handler)).build();
  }

  private static boolean isFeed(MethodDescriptor<?, ?> method, MethodDescriptor<?, ?> feed) {
    return method.getFullMethodName().equals(feed.getFullMethodName());
  }

  /**
   * Subscribes the call to the feed the engine call answers, from {@code fromDay}; a failure (a bad
   * day, before anything is sent) ends the call through {@link Replies#fail}.
   */
  static <T, P> void serve(
      StreamObserver<P> observer,
      Supplier<CompletableFuture<ReplayFeed<T>>> feed,
      long fromDay,
      Function<T, P> toProto) {
    ServerCallStreamObserver<P> call = (ServerCallStreamObserver<P>) observer;
    call.setOnReadyThreshold(QUEUED_BYTES_PER_SUBSCRIBER);
    AtomicReference<ReplayFeed<T>.Subscription> subscription = new AtomicReference<>();
    // The handlers must be set before the service method returns.
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
    Replies.started(feed)
        .thenAccept(
            found -> {
              subscription.set(found.subscribe(fromDay, sink(call, toProto)));
              if (call.isCancelled()) {
                subscription.get().cancel();
              }
            })
        .whenComplete(
            (done, failure) -> {
              if (failure != null) {
                Replies.fail(call, failure);
              }
            });
  }

  private static <T, P> FeedSink<T> sink(ServerCallStreamObserver<P> call, Function<T, P> toProto) {
    return new FeedSink<>() {
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
  }
}

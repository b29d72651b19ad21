package energy.market.server.grpc;

import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Completes calls from the engine's futures, with every failure through {@link GrpcErrors}: a
 * request that cannot be translated and an engine call that fails take the same path.
 */
final class Replies {
  private Replies() {}

  /**
   * Answers a unary call: makes the engine call, then sends its answer through {@code toProto}, or
   * its failure as a status.
   */
  static <T, R> void unary(
      StreamObserver<R> observer,
      Supplier<CompletableFuture<T>> call,
      Function<? super T, ? extends R> toProto) {
    started(call)
        .<R>thenApply(toProto)
        .whenComplete(
            (response, failure) -> {
              if (failure != null) {
                fail(observer, failure);
              } else {
                observer.onNext(response);
                observer.onCompleted();
              }
            });
  }

  /** Makes an engine call; a request that cannot be translated fails the future like the engine. */
  static <T> CompletableFuture<T> started(Supplier<CompletableFuture<T>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Ends a call with the status for a failure. */
  static void fail(StreamObserver<?> observer, Throwable failure) {
    observer.onError(GrpcErrors.toStatus(failure));
  }
}

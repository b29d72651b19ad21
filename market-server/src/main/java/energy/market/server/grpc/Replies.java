package energy.market.server.grpc;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/** Completes a unary call from the engine's answer, with errors through {@link GrpcErrors}. */
final class Replies {
  private Replies() {}

  /** Answers when the future completes. */
  static <T, R> void reply(
      StreamObserver<R> observer, CompletableFuture<T> future, Function<T, R> toProto) {
    future.whenComplete(
        (value, failure) -> {
          if (failure != null) {
            observer.onError(GrpcErrors.toStatus(failure));
          } else {
            send(observer, () -> toProto.apply(value));
          }
        });
  }

  /** Answers when the future completes. */
  static <T, R> void reply(
      StreamObserver<R> observer, ListenableFuture<T> future, Function<T, R> toProto) {
    Futures.addCallback(
        future,
        new FutureCallback<T>() {
          @Override
          public void onSuccess(T value) {
            send(observer, () -> toProto.apply(value));
          }

          @Override
          public void onFailure(Throwable failure) {
            observer.onError(GrpcErrors.toStatus(failure));
          }
        },
        MoreExecutors.directExecutor());
  }

  /** Answers at once, or with the error that computing the answer raised. */
  static <R> void now(StreamObserver<R> observer, Supplier<R> answer) {
    R response;
    try {
      response = answer.get();
    } catch (RuntimeException e) {
      observer.onError(GrpcErrors.toStatus(e));
      return;
    }
    observer.onNext(response);
    observer.onCompleted();
  }

  private static <R> void send(StreamObserver<R> observer, Supplier<R> answer) {
    now(observer, answer);
  }
}

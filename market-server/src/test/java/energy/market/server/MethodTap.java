package energy.market.server;

import energy.market.testing.Await;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A window on one unary method of a real server, installed as an interceptor: it counts the calls,
 * keeps each answered call's request and response, and injects the faults a test asks for (the next
 * calls fail with a status, chosen requests are refused, or the replies of the next calls are lost
 * after the server made them) without the server knowing.
 */
public final class MethodTap<ReqT, RespT> implements ServerInterceptor {
  /** A call the server answered: what came in and what went out. */
  public record Exchange<ReqT, RespT>(ReqT request, RespT response) {}

  private final MethodDescriptor<ReqT, RespT> method;
  private final List<Exchange<ReqT, RespT>> answered = new ArrayList<>(); // guarded by this
  private int attempts; // guarded by this
  private int failuresLeft; // guarded by this
  private Status failure = Status.UNAVAILABLE; // guarded by this
  private Predicate<ReqT> refused = request -> false; // guarded by this
  private Status refusal = Status.INVALID_ARGUMENT; // guarded by this
  private int repliesToLose; // guarded by this
  private Status lostWith = Status.UNAVAILABLE; // guarded by this

  public MethodTap(MethodDescriptor<ReqT, RespT> method) {
    this.method = method;
  }

  /**
   * Fails the next {@code count} calls with {@code status} (its description, if it has one), before
   * the server sees them.
   */
  public synchronized void failNext(int count, Status status) {
    failuresLeft = count;
    failure = status;
  }

  /**
   * Lets the server handle the next {@code count} calls in full, then replaces each reply with
   * {@code status}: the caller sees a failure although the server did (and kept) the work, as when
   * a reply is lost on the way or arrives after the caller's deadline.
   */
  public synchronized void loseRepliesOfNext(int count, Status status) {
    repliesToLose = count;
    lostWith = status;
  }

  /** Refuses every request matching {@code which} with {@code status}. */
  public synchronized void refuse(Predicate<ReqT> which, Status status) {
    refused = which;
    refusal = status;
  }

  /** Every call made, failed or answered. */
  public synchronized int attempts() {
    return attempts;
  }

  /** The calls the server answered, in order. */
  public synchronized List<Exchange<ReqT, RespT>> answered() {
    return List.copyOf(answered);
  }

  /** Waits until {@code count} calls were made. */
  public void awaitAttempts(int count, Duration timeout) throws InterruptedException {
    Await.until(
        count + " calls of " + method.getFullMethodName(), () -> attempts() >= count, timeout);
  }

  /** Waits until the server answered {@code count} calls; returns them. */
  public List<Exchange<ReqT, RespT>> awaitAnswered(int count, Duration timeout)
      throws InterruptedException {
    Await.until(
        count + " answered calls of " + method.getFullMethodName(),
        () -> answered().size() >= count,
        timeout);
    return answered();
  }

  @Override
  public <I, O> ServerCall.Listener<I> interceptCall(
      ServerCall<I, O> call, Metadata headers, ServerCallHandler<I, O> next) {
    if (!call.getMethodDescriptor().getFullMethodName().equals(method.getFullMethodName())) {
      return next.startCall(call, headers);
    }
    Status injected = null;
    Status replyLost = null;
    synchronized (this) {
      attempts++;
      if (repliesToLose > 0) {
        repliesToLose--;
        replyLost =
            lostWith.getDescription() == null
                ? lostWith.withDescription("reply lost by the test")
                : lostWith;
      }
      if (failuresLeft > 0) {
        failuresLeft--;
        injected =
            failure.getDescription() == null
                ? failure.withDescription("fault injected by the test")
                : failure;
      }
    }
    if (injected != null) {
      call.close(injected, new Metadata());
      return new ServerCall.Listener<>() {};
    }
    AtomicReference<I> request = new AtomicReference<>();
    Status lost = replyLost;
    ServerCall<I, O> recording =
        new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
          @Override
          public void sendMessage(O message) {
            record(request.get(), message);
            if (lost == null) {
              super.sendMessage(message);
            }
          }

          @Override
          public void close(Status status, Metadata trailers) {
            super.close(lost == null ? status : lost, lost == null ? trailers : new Metadata());
          }
        };
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(
        next.startCall(recording, headers)) {
      private boolean closed;

      @Override
      public void onMessage(I message) {
        request.set(message);
        Status refusedWith = refusalOf(message);
        if (refusedWith != null) {
          closed = true;
          call.close(refusedWith, new Metadata());
          return;
        }
        super.onMessage(message);
      }

      @Override
      public void onHalfClose() {
        if (!closed) {
          super.onHalfClose();
        }
      }
    };
  }

  @SuppressWarnings("unchecked") // the method descriptor matched, so the types are ReqT and RespT
  private synchronized void record(Object request, Object response) {
    answered.add(new Exchange<>((ReqT) request, (RespT) response));
  }

  @SuppressWarnings("unchecked") // the method descriptor matched, so the request is a ReqT
  private synchronized Status refusalOf(Object request) {
    return refused.test((ReqT) request) ? refusal.withDescription("refused by the test") : null;
  }
}

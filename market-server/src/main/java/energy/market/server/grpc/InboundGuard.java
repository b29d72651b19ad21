package energy.market.server.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import energy.market.api.v1.MarketGrpc;
import energy.market.server.input.Quote;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Guards every call before its request is read: a message over its method's size limit is refused
 * with RESOURCE_EXHAUSTED, one that does not parse (garbage bytes, invalid UTF-8) with
 * INVALID_ARGUMENT and at most one log line per interval, a call past the most the market holds
 * open with RESOURCE_EXHAUSTED, and every status description is escaped and cut short, whichever
 * path closes the call.
 *
 * <p>gRPC parses a request before any ordinary interceptor sees it, and a parse failure there ends
 * the call with UNKNOWN and a logged stack trace. So the guarded service takes its requests as raw
 * streams ({@link RawRequests}) and the guard lets the service's own parsing run inside it, where a
 * failure can be answered properly.
 */
public final class InboundGuard implements ServerInterceptor {
  /** The largest request of a unary call or a feed subscription: a few short fields. */
  public static final int UNARY_MESSAGE_BYTES = 64 * 1024;

  /**
   * The largest message of a session ({@code Market/Connect}): one batch of a process's orders,
   * room for {@link #SESSION_HOMES} homes' orders with the longest request ids.
   */
  public static final int SESSION_MESSAGE_BYTES = 16 * 1024 * 1024;

  /** The most homes one process may host in a session, which sizes its messages. */
  public static final int SESSION_HOMES = 100_000;

  private static final Logger LOG = Logger.getLogger(InboundGuard.class.getName());
  private static final RateLimitedLog MALFORMED = new RateLimitedLog(LOG, Duration.ofSeconds(10));

  /**
   * The most calls the market holds open at once, over every connection: a home following its
   * session through unary calls holds one stream, a process of homes one for all of them.
   */
  public static final int MAX_OPEN_CALLS = 20_000;

  private final int maxOpenCalls;
  private final AtomicInteger openCalls = new AtomicInteger();

  /** A guard that holds at most {@code maxOpenCalls} calls open at once, over all its services. */
  public InboundGuard(int maxOpenCalls) {
    this.maxOpenCalls = maxOpenCalls;
  }

  /** The service, taking its requests through this guard. */
  public ServerServiceDefinition guard(ServerServiceDefinition service) {
    return ServerInterceptors.intercept(RawRequests.of(service), this);
  }

  /** The most homes one {@code RegisterHomes} call may register. */
  public static final int REGISTER_HOMES_MAX = 1_000;

  /**
   * The largest {@code RegisterHomes} request: {@link #REGISTER_HOMES_MAX} homes with the longest
   * names and secrets (64 and 128 characters) and their framing.
   */
  public static final int REGISTER_HOMES_MESSAGE_BYTES = 256 * 1024;

  /** The size limit of a method's requests. */
  static int limitOf(String fullMethodName) {
    if (fullMethodName.equals(MarketGrpc.getConnectMethod().getFullMethodName())) {
      return SESSION_MESSAGE_BYTES;
    }
    if (fullMethodName.equals(MarketGrpc.getRegisterHomesMethod().getFullMethodName())) {
      return REGISTER_HOMES_MESSAGE_BYTES;
    }
    return UNARY_MESSAGE_BYTES;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    ServerCall<Q, R> safe = new SafeStatusCall<>(call);
    if (openCalls.incrementAndGet() > maxOpenCalls) {
      openCalls.decrementAndGet();
      safe.close(
          Status.RESOURCE_EXHAUSTED.withDescription(
              "the market holds " + maxOpenCalls + " calls open, its most; retry later"),
          new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return new Checked<>(
        next.startCall(safe, headers), safe, method, limitOf(method), openCalls::decrementAndGet);
  }

  /** Escapes and shortens every status description, whoever closes the call. */
  private static final class SafeStatusCall<Q, R>
      extends ForwardingServerCall.SimpleForwardingServerCall<Q, R> {
    SafeStatusCall(ServerCall<Q, R> call) {
      super(call);
    }

    @Override
    public void close(Status status, Metadata trailers) {
      super.close(GrpcErrors.safe(status), trailers);
    }
  }

  /** Checks each request's size, and parses it inside a handler for malformed bytes. */
  private static final class Checked<Q>
      extends ForwardingServerCallListener.SimpleForwardingServerCallListener<Q> {
    private final ServerCall<Q, ?> call;
    private final String method;
    private final int limit;
    private final Runnable ended;
    private boolean refused;
    private boolean done;

    Checked(
        ServerCall.Listener<Q> delegate,
        ServerCall<Q, ?> call,
        String method,
        int limit,
        Runnable ended) {
      super(delegate);
      this.call = call;
      this.method = method;
      this.limit = limit;
      this.ended = ended;
    }

    @Override
    public void onMessage(Q message) {
      if (refused) {
        return;
      }
      int size = sizeOf(message);
      if (size > limit) {
        refuse(
            Status.RESOURCE_EXHAUSTED.withDescription(
                "request of "
                    + size
                    + " bytes is over this method's limit of "
                    + limit
                    + " bytes"));
        return;
      }
      try {
        super.onMessage(message);
      } catch (RuntimeException e) {
        if (!malformed(e)) {
          throw e;
        }
        MALFORMED.warn(
            "refused a malformed " + method + " request: " + Quote.message(rootMessage(e)));
        refuse(
            Status.INVALID_ARGUMENT.withDescription(
                "the request is not a valid message of this method (malformed bytes or invalid"
                    + " UTF-8 in a string field)"));
      }
    }

    @Override
    public void onHalfClose() {
      if (!refused) {
        super.onHalfClose();
      }
    }

    @Override
    public void onCancel() {
      end();
      if (!refused) {
        super.onCancel();
      }
    }

    @Override
    public void onComplete() {
      end();
      if (!refused) {
        super.onComplete();
      }
    }

    /** The call no longer counts as open. */
    private void end() {
      if (!done) {
        done = true;
        ended.run();
      }
    }

    /**
     * Ends the call, and tells the service it was cancelled, so a stream that had begun (a session)
     * cleans up as for a client that went away.
     */
    private void refuse(Status status) {
      refused = true;
      call.close(status, new Metadata());
      delegate().onCancel();
    }

    private static int sizeOf(Object message) {
      if (message instanceof InputStream in) {
        try {
          return in.available();
        } catch (IOException e) {
          return 0;
        }
      }
      return 0;
    }

    private static boolean malformed(Throwable failure) {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        if (t instanceof InvalidProtocolBufferException) {
          return true;
        }
      }
      return false;
    }

    private static String rootMessage(Throwable failure) {
      Throwable root = failure;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      return String.valueOf(root.getMessage());
    }
  }
}

package energy.market.server.grpc;

import energy.market.api.v1.EventsGrpc;
import energy.market.api.v1.GiftBrokerGrpc;
import energy.market.api.v1.MarketGrpc;
import energy.market.client.MarketCredentials;
import energy.market.client.MarketCredentials.Scheme;
import energy.market.server.access.Access;
import energy.market.server.access.Authenticator;
import energy.market.server.access.Caller;
import energy.market.server.access.PeerRateLimit;
import energy.market.server.homes.UnauthenticatedException;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The one place where calls are authenticated: reads the {@code authorization} header (see {@link
 * MarketCredentials}), proves who the caller is, refuses a call its kind of caller may not make
 * (the table is {@link #ACCESS}), holds each peer to its registration rate, and hands the {@link
 * Caller} to the service through the call's context. Which homes a caller may touch is checked by
 * the market with the call's content.
 */
public final class CallerInterceptor implements ServerInterceptor {
  private static final Context.Key<Caller> CALLER = Context.key("energy-market-caller");
  private static final Context.Key<IntFunction<PeerRateLimit.Grant>> PERMITS =
      Context.key("energy-market-registration-permits");

  /** Who may call each method; a method not listed (health, reflection) is public. */
  static final Map<String, Access> ACCESS =
      Map.ofEntries(
          Map.entry(MarketGrpc.getRegisterMethod().getFullMethodName(), Access.REGISTER),
          Map.entry(MarketGrpc.getRegisterHomesMethod().getFullMethodName(), Access.REGISTER),
          Map.entry(MarketGrpc.getConnectMethod().getFullMethodName(), Access.HOME_OR_OPERATOR),
          Map.entry(MarketGrpc.getFollowSessionMethod().getFullMethodName(), Access.HOME),
          Map.entry(MarketGrpc.getDeclareDayMethod().getFullMethodName(), Access.HOME),
          Map.entry(MarketGrpc.getFinishPhaseMethod().getFullMethodName(), Access.HOME),
          Map.entry(MarketGrpc.getTradeMethod().getFullMethodName(), Access.HOME),
          Map.entry(MarketGrpc.getStreamPricesMethod().getFullMethodName(), Access.PUBLIC),
          Map.entry(MarketGrpc.getGetAccountMethod().getFullMethodName(), Access.HOME_OR_OPERATOR),
          Map.entry(MarketGrpc.getGetMarketStateMethod().getFullMethodName(), Access.PUBLIC),
          Map.entry(MarketGrpc.getReportWeatherMethod().getFullMethodName(), Access.OPERATOR),
          Map.entry(GiftBrokerGrpc.getOfferMethod().getFullMethodName(), Access.HOME),
          Map.entry(GiftBrokerGrpc.getClaimMethod().getFullMethodName(), Access.HOME),
          Map.entry(EventsGrpc.getReportEventMethod().getFullMethodName(), Access.OPERATOR),
          Map.entry(EventsGrpc.getStreamEventsMethod().getFullMethodName(), Access.PUBLIC));

  private final Authenticator authenticator;
  private final PeerRateLimit registrationsPerPeer;

  public CallerInterceptor(Authenticator authenticator, PeerRateLimit registrationsPerPeer) {
    this.authenticator = authenticator;
    this.registrationsPerPeer = registrationsPerPeer;
  }

  /** The caller of the call being served (anonymous outside one). */
  public static Caller caller() {
    Caller caller = CALLER.get();
    return caller == null ? Caller.ANONYMOUS : caller;
  }

  /**
   * Takes up to {@code wanted} registration permits for the address of the call being served: one
   * for each new home of a {@code Register} or {@code RegisterHomes}, which are known only once its
   * request is read.
   *
   * @throws IllegalStateException outside a registration call this interceptor admitted: no permit
   *     is ever granted without the limit
   */
  public static PeerRateLimit.Grant registrationPermits(int wanted) {
    IntFunction<PeerRateLimit.Grant> permits = PERMITS.get();
    if (permits == null) {
      throw new IllegalStateException("registration permits asked for outside a registration call");
    }
    return permits.apply(wanted);
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    Access access =
        ACCESS.getOrDefault(call.getMethodDescriptor().getFullMethodName(), Access.PUBLIC);
    Context context;
    try {
      // A public call does not look at credentials: a stale header never stops a price reader.
      Caller caller = access == Access.PUBLIC ? Caller.ANONYMOUS : authenticate(headers, access);
      access.require(caller);
      context = Context.current().withValue(CALLER, caller);
      if (access == Access.REGISTER) {
        // Charged once the request is read: only its new homes cost permits.
        String peer = peerOf(call);
        context =
            context.withValue(PERMITS, wanted -> registrationsPerPeer.tryAcquireUpTo(peer, wanted));
      }
    } catch (RuntimeException e) {
      call.close(GrpcErrors.toStatus(e).getStatus(), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return Contexts.interceptCall(context, call, headers, next);
  }

  private Caller authenticate(Metadata headers, Access access) {
    Iterable<String> values = headers.getAll(MarketCredentials.AUTHORIZATION);
    if (values == null) {
      return Caller.ANONYMOUS;
    }
    String header = null;
    for (String value : values) {
      if (header != null) {
        throw new UnauthenticatedException("send one authorization header, not several");
      }
      header = value;
    }
    int space = header.indexOf(' ');
    Optional<Scheme> scheme = space < 0 ? Optional.empty() : Scheme.of(header.substring(0, space));
    if (scheme.isEmpty()) {
      throw new UnauthenticatedException(
          "the authorization header must be 'Home <secret>', 'Operator <token>' or"
              + " 'Registration <token>'");
    }
    String credential = header.substring(space + 1).trim();
    if (access == Access.REGISTER && scheme.get() == Scheme.HOME) {
      // A home's secret is not known before its first Register (which carries it): a client that
      // sends its credentials on every call registers as if it sent none.
      return Caller.ANONYMOUS;
    }
    return switch (scheme.get()) {
      case HOME -> authenticator.home(credential);
      case OPERATOR -> authenticator.operator(credential);
      case REGISTRATION -> authenticator.registrar(credential);
    };
  }

  /** Why a registration was refused by the rate limit, and when the next is allowed. */
  public static String tooManyRegistrations(Duration untilNext) {
    return "too many registrations from this address; the next is allowed in "
        + Math.max(1, untilNext.toMillis())
        + " ms";
  }

  /** The peer's address without its port: one machine is one peer, whatever its connections. */
  private static String peerOf(ServerCall<?, ?> call) {
    SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
    if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress();
    }
    return String.valueOf(remote);
  }
}

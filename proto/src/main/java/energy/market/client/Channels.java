package energy.market.client;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The one way every participant opens a channel: to the market, to the weather daemon's stream, or
 * to any other server of the simulation. One place means one set of transport settings, so a change
 * (message limits, credentials) reaches every client at once.
 *
 * <p>Every channel comes back within about a second of its server accepting connections again,
 * however long the server was away ({@link ReconnectPacer}), and notices a server that went away
 * without closing its connections (a machine or network gone) within {@link #KEEPALIVE_TIME} plus
 * {@link #KEEPALIVE_TIMEOUT} while a call is open.
 */
public final class Channels {
  /**
   * The largest message a client accepts: a process hosting thousands of homes receives their day's
   * results in one session message.
   */
  public static final int MAX_INBOUND_MESSAGE_BYTES = 64 * 1024 * 1024;

  /**
   * How long a connection with open calls may stay silent before the client pings the server. 10 s
   * is the least grpc-java allows; servers must permit it ({@link #PERMITTED_KEEPALIVE_TIME}).
   */
  public static final Duration KEEPALIVE_TIME = Duration.ofSeconds(10);

  /** How long a ping may go unanswered before the connection counts as dead. */
  public static final Duration KEEPALIVE_TIMEOUT = Duration.ofSeconds(5);

  /**
   * What our servers give to {@code permitKeepAliveTime}: below {@link #KEEPALIVE_TIME}, so that a
   * ping that arrives a little early is not taken for abuse (which ends the connection).
   */
  public static final Duration PERMITTED_KEEPALIVE_TIME = Duration.ofSeconds(5);

  /**
   * The longest a TCP connect may take. Without it a connect to a host that does not answer (down,
   * or a dropped network) hangs for Netty's 30 s, and no faster reconnect can start meanwhile.
   */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  /** A target for a builder that is never built: nothing connects to it. */
  private static final String LOOPBACK_PLACEHOLDER = "127.0.0.1:1";

  private Channels() {}

  /** A plaintext channel to {@code address}; the caller shuts it down. */
  public static ManagedChannel open(MarketAddress address) {
    return open(address.target(), ClientTls.PLAINTEXT);
  }

  /** A channel to {@code address}, over TLS when {@code tls} says so; the caller shuts it down. */
  public static ManagedChannel open(MarketAddress address, ClientTls tls) {
    return open(address.target(), tls);
  }

  /** A plaintext channel to {@code host:port}; the caller shuts it down. */
  public static ManagedChannel open(String host, int port) {
    return open(new MarketAddress(host, port));
  }

  /** A plaintext channel to a gRPC target such as {@code host:port}; the caller shuts it down. */
  public static ManagedChannel open(String target) {
    return open(target, ClientTls.PLAINTEXT);
  }

  /**
   * A channel to a gRPC target such as {@code host:port}, over TLS when {@code tls} says so (the
   * server's certificate must name the host of the target); the caller shuts it down.
   */
  public static ManagedChannel open(String target, ClientTls tls) {
    return ReconnectPacer.attach(
        builder(EventLoops.on(NettyChannelBuilder.forTarget(target, tls.credentials()))).build());
  }

  /**
   * A channel, over TLS when {@code tls} says so, whose calls complete on the transport's own
   * threads: for a load generator whose callbacks never block, so that the client's hand-offs do
   * not hide the server's limit.
   *
   * <p>It stays on grpc-java's shared event loops, not {@link EventLoops}: with 64 calls in flight
   * the bench's client carried about a fifth fewer calls per second on the process's own loops
   * (51,000-55,000 against 66,000-75,000 echo calls/s, alternating runs), and how fast a load
   * generator exits does not matter.
   */
  public static ManagedChannel openDirect(String target, ClientTls tls) {
    return ReconnectPacer.attach(
        builder(NettyChannelBuilder.forTarget(target, tls.credentials())).directExecutor().build());
  }

  /**
   * Loads what a first channel needs before it can connect, without connecting: gRPC's channel
   * builder and name resolvers, Netty's native transport and event loops, the JDK's logging (about
   * 60 ms of CPU in the launcher, async-profiler). A process that will open channels once something
   * else is ready can do this while it waits.
   */
  public static void loadTransport() {
    builder(EventLoops.on(NettyChannelBuilder.forTarget(LOOPBACK_PLACEHOLDER)));
  }

  private static NettyChannelBuilder builder(NettyChannelBuilder builder) {
    return builder
        .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
        .keepAliveTime(KEEPALIVE_TIME.toMillis(), TimeUnit.MILLISECONDS)
        .keepAliveTimeout(KEEPALIVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .withOption(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) CONNECT_TIMEOUT.toMillis());
  }
}

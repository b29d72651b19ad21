package energy.market.client;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;

/**
 * The one way every participant opens a channel: to the market, to the weather daemon's stream, or
 * to any other server of the simulation. One place means one set of transport settings, so a change
 * (message limits, credentials) reaches every client at once.
 */
public final class Channels {
  /**
   * The largest message a client accepts: a process hosting thousands of homes receives their day's
   * results in one session message.
   */
  public static final int MAX_INBOUND_MESSAGE_BYTES = 64 * 1024 * 1024;

  private Channels() {}

  /** A plaintext channel to {@code address}; the caller shuts it down. */
  public static ManagedChannel open(MarketAddress address) {
    return open(address.target());
  }

  /** A plaintext channel to {@code host:port}; the caller shuts it down. */
  public static ManagedChannel open(String host, int port) {
    return open(new MarketAddress(host, port));
  }

  /** A plaintext channel to a gRPC target such as {@code host:port}; the caller shuts it down. */
  public static ManagedChannel open(String target) {
    return NettyChannelBuilder.forTarget(target)
        .usePlaintext()
        .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
        .build();
  }
}

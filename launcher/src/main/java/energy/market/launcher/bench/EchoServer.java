package energy.market.launcher.bench;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import energy.market.client.Channels;
import energy.market.client.EventLoops;
import energy.market.server.MarketCommand;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The transport baseline's server: {@link EchoService} on Netty with the market's transport
 * settings (direct executor, message and metadata limits, calls per connection, keep-alive
 * permission), so that what the market adds to a call is the difference between the two.
 */
final class EchoServer implements AutoCloseable {
  private final Server server;
  private final EchoService service;
  private final DurableEcho durable;
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          new ThreadFactoryBuilder().setNameFormat("echo-ticker").setDaemon(true).build());

  /**
   * @param address where to listen (port 0 for any free port)
   * @param credentials plaintext or TLS, as the market's
   * @param durable answers the echo once each request is on disk, and is closed with the server;
   *     null to answer at once
   */
  EchoServer(InetSocketAddress address, ServerCredentials credentials, DurableEcho durable) {
    this.durable = durable;
    this.service = new EchoService(durable);
    server =
        EventLoops.on(NettyServerBuilder.forAddress(address, credentials))
            // As MarketServer: handlers run on the transport's threads.
            .directExecutor()
            .maxInboundMessageSize(MarketCommand.MAX_MESSAGE_BYTES)
            .maxInboundMetadataSize(16 * 1024)
            .maxConcurrentCallsPerConnection(MarketCommand.MAX_CALLS_PER_CONNECTION)
            .permitKeepAliveTime(
                Channels.PERMITTED_KEEPALIVE_TIME.toMillis(), TimeUnit.MILLISECONDS)
            .addService(service.definition())
            .build();
  }

  /**
   * Starts serving, and broadcasting a tick of {@code tickBytes} to every subscriber each {@code
   * tickPeriod}, as the market's feed does each day.
   */
  EchoServer start(Duration tickPeriod, int tickBytes) throws IOException {
    server.start();
    ticker.scheduleAtFixedRate(
        () -> service.broadcast(tickBytes),
        tickPeriod.toNanos(),
        tickPeriod.toNanos(),
        TimeUnit.NANOSECONDS);
    return this;
  }

  int port() {
    return server.getPort();
  }

  void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    server.shutdown();
    try {
      if (!server.awaitTermination(3, TimeUnit.SECONDS)) {
        server.shutdownNow().awaitTermination(2, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
    if (durable != null) {
      try {
        durable.close();
      } catch (IOException e) {
        // The process is ending; its file goes with its directory.
      }
    }
  }
}

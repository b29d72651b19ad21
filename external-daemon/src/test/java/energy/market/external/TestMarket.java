package energy.market.external;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

/**
 * A real gRPC server on 127.0.0.1 serving {@link RecordingEvents} and {@link TestDayClock}, for
 * tests that run the daemon as a separate process.
 */
final class TestMarket implements AutoCloseable {

  static final String TOKEN = "test-operator-token";

  final RecordingEvents events = new RecordingEvents(TOKEN);
  final TestDayClock clock = new TestDayClock();
  private final Server server;

  private TestMarket(int port) throws IOException {
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
            .addService(events)
            .addService(clock)
            .build()
            .start();
  }

  /** Starts on {@code port} (0: an ephemeral one). */
  static TestMarket start(int port) throws IOException {
    return new TestMarket(port);
  }

  int port() {
    return server.getPort();
  }

  /** The daemon's {@code --market} value for this server. */
  String address() {
    return "127.0.0.1:" + port();
  }

  /** A loopback port that was free a moment ago, for a market that starts later. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

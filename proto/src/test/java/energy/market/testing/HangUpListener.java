package energy.market.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listener on 127.0.0.1 that accepts every connection and hangs up at once, counting them: a
 * server that is away, as its clients see it, whose absence a test measures in the connection
 * attempts it saw rather than in time.
 */
public final class HangUpListener implements AutoCloseable {
  private final ServerSocket socket;
  private final AtomicInteger attempts = new AtomicInteger();

  private HangUpListener(ServerSocket socket) {
    this.socket = socket;
    Thread hangUp = new Thread(this::hangUpOnEveryone, "hang-up-listener");
    hangUp.setDaemon(true);
    hangUp.start();
  }

  /** Listens on {@code port} of 127.0.0.1 (0: any free port), even just after a server left it. */
  public static HangUpListener on(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    return new HangUpListener(socket);
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** The connections accepted, and hung up on, so far. */
  public int attempts() {
    return attempts.get();
  }

  private void hangUpOnEveryone() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        attempts.incrementAndGet();
        connection.close();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** Stops listening: the port is free for the server's return. */
  @Override
  public void close() throws IOException {
    socket.close();
  }
}

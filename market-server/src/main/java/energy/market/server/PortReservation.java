package energy.market.server;

import energy.market.client.cli.CommandFailure;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/**
 * Holds the market's port from the first moment of a start until the server binds it, so that a
 * port in use stops the start before it creates anything (a ledger, an operator token) in a new
 * data directory.
 *
 * <p>The port is bound but not listened on: clients that find the market restarting are refused at
 * once and retry, instead of waiting in a backlog nobody accepts. Bound with {@code SO_REUSEADDR},
 * like the server's own socket, so connections of a killed market still in TIME_WAIT do not block a
 * restart; a live listener on the port does.
 */
final class PortReservation implements AutoCloseable {
  private final SocketChannel holder;

  private PortReservation(SocketChannel holder) {
    this.holder = holder;
  }

  /**
   * Binds {@code bind:port}; port 0 asks for any free port at start, so there is nothing to hold.
   *
   * @throws CommandFailure (exit code 1) when the port is in use or the address cannot be bound
   */
  static PortReservation hold(String bind, int port) {
    if (port == 0) {
      return new PortReservation(null);
    }
    InetSocketAddress address = new InetSocketAddress(bind, port);
    if (address.isUnresolved()) {
      throw new CommandFailure(1, "cannot listen on " + bind + ": no such address (see --bind)");
    }
    SocketChannel channel = null;
    try {
      channel = SocketChannel.open();
      channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      channel.bind(address);
      return new PortReservation(channel);
    } catch (BindException e) {
      closeQuietly(channel);
      if (e.getMessage() != null && e.getMessage().contains("in use")) {
        throw new CommandFailure(
            1,
            "port "
                + port
                + " is in use on "
                + bind
                + " (is another market running? pick another --port, or --port 0 for any free"
                + " one)");
      }
      throw new CommandFailure(1, "cannot listen on " + bind + ":" + port + ": " + e.getMessage());
    } catch (IOException e) {
      closeQuietly(channel);
      throw new CommandFailure(1, "cannot listen on " + bind + ":" + port + ": " + e.getMessage());
    }
  }

  /** Lets the port go, for the server to bind it; idempotent. */
  @Override
  public void close() {
    closeQuietly(holder);
  }

  private static void closeQuietly(SocketChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // an unconnected socket: closing it cannot lose anything
      }
    }
  }
}

package energy.market.launcher.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A port that is free now, for a child that must be told its port before it starts. A port just
 * released is seldom handed out again at once; should another process take it all the same, the
 * child cannot listen and the run fails to start, naming that child and its log.
 */
final class FreePort {
  private FreePort() {}

  /** A port free on {@code host} at this moment. */
  static int pick(String host) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on " + host, e);
    }
  }
}

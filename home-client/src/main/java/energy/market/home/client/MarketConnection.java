package energy.market.home.client;

import energy.market.client.Channels;
import energy.market.client.ClientTls;
import energy.market.client.MarketAddress;
import energy.market.home.DayTemperature;
import energy.market.home.Fleet;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A process of homes' one connection to the market, which its session runs over. */
public final class MarketConnection {
  private final ManagedChannel channel;

  private MarketConnection(ManagedChannel channel) {
    this.channel = channel;
  }

  /** Connects lazily: the first call of the session dials. */
  public static MarketConnection open(MarketAddress address, ClientTls tls) {
    return new MarketConnection(Channels.open(address, tls));
  }

  /** The homes' session over this connection; see {@link HomeSession}. */
  public HomeSession session(
      Fleet fleet,
      DayTemperature temperature,
      String label,
      HomeSession.Listener listener,
      String registrationToken) {
    return new HomeSession(channel, fleet, temperature, label, listener, registrationToken);
  }

  /** Starts closing the connection; calls in flight finish. */
  public void shutdown() {
    channel.shutdown();
  }

  /** Closes the connection, waiting at most {@code timeout} for calls in flight. */
  public void shutdownAndWait(Duration timeout) throws InterruptedException {
    channel.shutdown().awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}

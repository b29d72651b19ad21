package energy.market.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.testing.Await;
import energy.market.testing.HangUpListener;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Channels from {@link Channels} keep trying a server that is away at a steady pace, so they are
 * ready again soon after it returns, however long it was away; {@link ReadyWatch} says when.
 */
class ReconnectPacerTest {

  /**
   * grpc-java's own backoff alone would space these attempts 1, 1.6, 2.6, 4.1, 6.6, 10.5 and 16.8 s
   * apart: eight attempts would take it 43 s.
   */
  private static final int ATTEMPTS = 8;

  @Test
  void aChannelKeepsTryingAnAbsentServerAndIsReadySoonAfterItReturns() throws Exception {
    int port;
    ManagedChannel channel;
    long start;
    // A listener that hangs up on every connection: each attempt of the channel is counted and
    // fails, as against a market that is not there.
    try (HangUpListener absent = HangUpListener.on(0)) {
      port = absent.port();
      channel = Channels.open("127.0.0.1", port);
      start = System.nanoTime();
      channel.getState(true);
      Await.until(
          ATTEMPTS + " connection attempts", () -> absent.attempts() >= ATTEMPTS, Await.SHORT);
    }
    Duration trying = Duration.ofNanos(System.nanoTime() - start);
    Server server = null;
    try {
      assertTrue(
          trying.compareTo(Duration.ofSeconds(10)) < 0,
          ATTEMPTS + " attempts took " + trying.toMillis() + " ms; paced, they take about 3 s");

      server =
          NettyServerBuilder.forAddress(
                  new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
              .build()
              .start();
      long back = System.nanoTime();
      Await.until(
          "the channel is ready",
          () -> channel.getState(false) == ConnectivityState.READY,
          Await.SHORT);
      Duration readyAfter = Duration.ofNanos(System.nanoTime() - back);
      assertTrue(
          readyAfter.compareTo(Duration.ofSeconds(2)) <= 0,
          "ready " + readyAfter.toMillis() + " ms after the server returned");
    } finally {
      channel.shutdownNow();
      if (server != null) {
        server.shutdownNow();
      }
    }
  }

  @Test
  void aReadyWatchRunsItsActionOnceTheChannelConnects() throws Exception {
    String name = InProcessServerBuilder.generateName();
    ManagedChannel channel = ReconnectPacer.attach(InProcessChannelBuilder.forName(name).build());
    Server server = null;
    try {
      channel.getState(true);
      Await.until(
          "the channel failed to connect",
          () -> channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE,
          Await.SHORT);
      CountDownLatch ran = new CountDownLatch(1);
      new ReadyWatch(channel).onNextReady(ran::countDown);

      server = InProcessServerBuilder.forName(name).build().start();

      assertTrue(ran.await(Await.SHORT.toMillis(), TimeUnit.MILLISECONDS), "the action ran");
    } finally {
      channel.shutdownNow();
      if (server != null) {
        server.shutdownNow();
      }
    }
  }
}

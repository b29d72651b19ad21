package energy.market.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.GetMarketStateRequest;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.MarketState;
import energy.market.testing.Await;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server and a channel on the process's own event loops talk as on grpc-java's, and ending the
 * loops leaves no transport thread behind (an idle one would hold the JVM's exit up 300 ms on JDK
 * 17); later channels get new loops.
 */
class EventLoopsTest {
  /** Answers GetMarketState with day 7. */
  private static final class DaySeven extends MarketGrpc.MarketImplBase {
    @Override
    public void getMarketState(
        GetMarketStateRequest request, StreamObserver<MarketState> response) {
      response.onNext(MarketState.newBuilder().setDay(7).build());
      response.onCompleted();
    }
  }

  private static List<Thread> transportThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("transport-") && thread.isAlive())
        .toList();
  }

  private static long askDay(int port) {
    ManagedChannel channel = Channels.open("127.0.0.1", port);
    try {
      return MarketGrpc.newBlockingStub(channel)
          .getMarketState(GetMarketStateRequest.getDefaultInstance())
          .getDay();
    } finally {
      channel.shutdownNow();
    }
  }

  private static Server serve() throws Exception {
    return EventLoops.on(
            NettyServerBuilder.forAddress(
                new InetSocketAddress("127.0.0.1", 0), InsecureServerCredentials.create()))
        .addService(new DaySeven())
        .build()
        .start();
  }

  @Test
  void callsRunOnTheLoopsAndShutdownEndsEveryTransportThread() throws Exception {
    Server server = serve();
    try {
      assertEquals(7, askDay(server.getPort()));
      assertTrue(!transportThreads().isEmpty(), "the call ran on the process's own loops");
    } finally {
      server.shutdownNow().awaitTermination();
    }

    EventLoops.shutdown();

    // Terminated loops end their threads as they return; none is left waiting in a native call.
    Await.until("every transport thread ended", () -> transportThreads().isEmpty(), Await.SHORT);
  }

  @Test
  void aChannelAfterTheShutdownGetsNewLoops() throws Exception {
    EventLoops.shutdown();

    Server server = serve();
    try {
      assertEquals(7, askDay(server.getPort()));
    } finally {
      server.shutdownNow().awaitTermination();
    }
  }
}

package energy.market.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.GetMarketStateRequest;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.MarketState;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.StreamPricesRequest;
import energy.market.testing.ChildProcess;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The market as a real process on an ephemeral port, read over a real socket. */
class MarketServerIT {
  @TempDir Path dataDir;

  @Test
  void theMarketProcessServesTicksOverASocketAndStopsCleanlyOnSigterm() throws Exception {
    try (ChildProcess market =
        ChildProcess.startJava(
            "market",
            MarketMain.class.getName(),
            List.of(
                "--port", "0",
                "--bind", "127.0.0.1",
                "--day-length", "100ms",
                "--data-dir", dataDir.toString()))) {
      int port =
          Integer.parseInt(
              market.awaitLine("market listening on port (\\d+)", Duration.ofSeconds(30)));
      assertTrue(Files.isRegularFile(dataDir.resolve("operator-token")), "token file written");
      ManagedChannel channel =
          NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
      try {
        Iterator<PriceTick> ticks =
            MarketGrpc.newBlockingStub(channel)
                .withDeadlineAfter(20, TimeUnit.SECONDS)
                .streamPrices(StreamPricesRequest.newBuilder().setFromDay(1).build());
        for (long day = 1; day <= 3; day++) {
          PriceTick tick = ticks.next();
          assertEquals(day, tick.getDay());
          assertTrue(tick.getPriceMicroEurPerKwh() > 0);
        }
        MarketState state =
            MarketGrpc.newBlockingStub(channel)
                .withDeadlineAfter(5, TimeUnit.SECONDS)
                .getMarketState(GetMarketStateRequest.getDefaultInstance());
        assertTrue(state.getDay() >= 3);
        assertEquals(100, state.getDayLengthMillis());
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      market.awaitLine("day 3 closed", Duration.ofSeconds(10));
      int exit = market.terminate(Duration.ofSeconds(15));
      assertEquals(143, exit, "stopped by SIGTERM through the shutdown hook");
      assertTrue(market.transcript().contains("market: stopped"), market.transcript());
    }
  }
}

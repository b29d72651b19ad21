package energy.market.home;

import energy.market.api.v1.Account;
import energy.market.api.v1.GetAccountRequest;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.StreamPricesRequest;
import energy.market.server.MarketMain;
import energy.market.testing.ChildProcess;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The market as a real process on 127.0.0.1, with a channel to it, for end-to-end tests. */
final class RunningMarket implements AutoCloseable {
  final ChildProcess process;
  final int port;
  final ManagedChannel channel;

  RunningMarket(Path dataDir, String... options) throws Exception {
    List<String> args = new ArrayList<>();
    if (!List.of(options).contains("--port")) {
      args.addAll(List.of("--port", "0"));
    }
    args.addAll(
        List.of(
            "--bind", "127.0.0.1",
            "--data-dir", dataDir.toString(),
            "--operator-token", "test-operator"));
    args.addAll(List.of(options));
    process = ChildProcess.startJava("market", MarketMain.class.getName(), args);
    port =
        Integer.parseInt(
            process.awaitLine("market listening on port (\\d+)", Duration.ofSeconds(30)));
    channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
  }

  /** The address homes are given. */
  String address() {
    return "127.0.0.1:" + port;
  }

  /** Starts a home process against this market (weather from the market unless told). */
  ChildProcess home(String name, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("--market", address()));
    if (!List.of(options).contains("--weather")) {
      args.addAll(List.of("--weather", "market"));
    }
    args.addAll(List.of(options));
    return ChildProcess.startJava(name, HomeMain.class.getName(), args);
  }

  /** The ticks of days 1..{@code days}, waiting for them as the days close. */
  List<PriceTick> ticks(int days, Duration timeout) {
    Iterator<PriceTick> stream =
        MarketGrpc.newBlockingStub(channel)
            .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .streamPrices(StreamPricesRequest.newBuilder().setFromDay(1).build());
    List<PriceTick> ticks = new ArrayList<>();
    while (ticks.size() < days) {
      ticks.add(stream.next());
    }
    return ticks;
  }

  /** A home's account, by name. */
  Account account(String name) {
    return MarketGrpc.newBlockingStub(channel)
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .getAccount(GetAccountRequest.newBuilder().setName(name).build());
  }

  @Override
  public void close() {
    channel.shutdownNow();
    process.close();
  }
}

package energy.market.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.GetAccountRequest;
import energy.market.api.v1.GetMarketStateRequest;
import energy.market.api.v1.MarketGrpc;
import energy.market.client.MarketCredentials;
import energy.market.client.cli.OneLineErrors;
import energy.market.server.MarketServer;
import energy.market.server.TestMarket;
import energy.market.server.access.Registration;
import energy.market.server.clock.Pace;
import energy.market.server.engine.MarketEngine;
import energy.market.server.ledger.Ledger;
import energy.market.testing.Await;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The home command against a market whose registration is closed ({@code market --registration
 * token}), served on a real socket: with {@code --registration-token-file} its home registers and
 * takes part, without it the command ends with one line saying why and how to fix it.
 */
class ClosedRegistrationTest {
  private static final String TOKEN = "registration-token-0123456789";

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final ExecutorService command = Executors.newSingleThreadExecutor();
  private MarketServer server;
  private ManagedChannel channel;

  @BeforeEach
  void startMarket() throws Exception {
    MarketEngine engine =
        new MarketEngine(
            TestMarket.settings(Pace.fast(Duration.ofSeconds(60)), 1)
                .withRegistration(
                    new Registration(
                        TOKEN, Registration.DEFAULT_PER_SECOND, Registration.DEFAULT_BURST)),
            Ledger.IN_MEMORY,
            Clock.systemUTC());
    server =
        new MarketServer(
                NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)), engine)
            .start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    // Day 1 opens once the home is connected, so a home that registered takes part in it.
    engine.startWhen(1, 0);
  }

  @AfterEach
  void stopMarket() throws Exception {
    command.shutdownNow();
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.stop();
  }

  /** Runs {@code home} with {@code args} after the market and state options; its exit code. */
  private int home(String... args) throws Exception {
    CommandLine line = OneLineErrors.commandLine(new HomeCommand());
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 8];
    System.arraycopy(
        new String[] {
          "--market",
          "127.0.0.1:" + server.getPort(),
          "--state-dir",
          dir.resolve("state").toString(),
          "--weather",
          "market",
          "--days",
          "1"
        },
        0,
        all,
        0,
        8);
    System.arraycopy(args, 0, all, 8, args.length);
    Future<Integer> exit = command.submit(() -> line.execute(all));
    return exit.get(Await.LONG.toSeconds(), TimeUnit.SECONDS);
  }

  private int homesRegistered() {
    return MarketGrpc.newBlockingStub(channel)
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .getMarketState(GetMarketStateRequest.getDefaultInstance())
        .getHomesRegistered();
  }

  @Test
  void aHomeWithTheRegistrationTokenFileRegistersAndTakesPart() throws Exception {
    Path tokenFile = dir.resolve("registration-token");
    Files.writeString(tokenFile, TOKEN + "\n");

    assertEquals(
        0, home("--name", "alice", "--registration-token-file", tokenFile.toString()), "" + err);

    assertEquals("", err.toString());
    assertTrue(out.toString().contains("alice"), out.toString());
    assertEquals(1, homesRegistered());
    // The home is the state directory's secret's: that secret reads alice's account.
    String secret = HomeSecrets.open(dir.resolve("state")).secret();
    assertEquals(
        1,
        MarketGrpc.newBlockingStub(channel)
            .withDeadlineAfter(10, TimeUnit.SECONDS)
            .withCallCredentials(MarketCredentials.home(secret))
            .getAccount(GetAccountRequest.newBuilder().setName("alice").build())
            .getDays());
  }

  @Test
  void aHomeWithoutTheFileIsRefusedWithOneLineSayingWhatToPass() throws Exception {
    assertEquals(1, home("--name", "alice"));

    assertEquals(
        "home-client: no home could register: this market registers homes only for holders of its"
            + " registration token; send 'authorization: Registration <token>' (home"
            + " --registration-token-file)"
            + System.lineSeparator(),
        err.toString());
    assertEquals(0, homesRegistered(), "nothing registered");
  }

  @Test
  void aWrongTokenIsRefusedWithOneLineAndNothingRegisters() throws Exception {
    Path tokenFile = dir.resolve("registration-token");
    Files.writeString(tokenFile, "not-the-token-0123456789\n");

    assertEquals(1, home("--name", "alice", "--registration-token-file", tokenFile.toString()));

    assertEquals(
        "home-client: no home could register: wrong registration token" + System.lineSeparator(),
        err.toString());
    assertEquals(0, homesRegistered(), "nothing registered");
  }
}

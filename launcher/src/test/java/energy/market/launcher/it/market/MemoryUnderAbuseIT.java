package energy.market.launcher.it.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.GetMarketStateRequest;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.RegisterRequest;
import energy.market.api.v1.TradePolicy;
import energy.market.api.v1.TradeRequest;
import energy.market.api.v1.TradeSide;
import energy.market.client.Channels;
import energy.market.client.MarketCredentials;
import energy.market.server.RawCalls;
import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The market as a real process with a 256 MB heap, sent six concurrent 60 MB requests (huge names
 * and huge request ids) three times over: each is refused with RESOURCE_EXHAUSTED from its length
 * alone, the market stays up, its days keep closing, and its memory stays bounded. A 1 MB name,
 * under the transport's limit, is still over Register's own.
 */
class MemoryUnderAbuseIT {
  private static final int SIXTY_MB = 60 * 1024 * 1024;

  /**
   * The most resident memory the market may reach: its 256 MB heap, the transport's buffers, code
   * and thread stacks; six requests buffered whole would be 360 MB more.
   */
  private static final long MAX_RSS_KB = 600 * 1024;

  private static final String ABUSER_SECRET = "abuser-secret-0123456789";

  @TempDir Path dataDir;

  @Test
  void sixConcurrent60MbRequestsAreRefusedAndTheMarketGoesOn() throws Exception {
    try (ChildProcess market =
        ChildProcess.builder("market")
            .mainClass(ChildProcess.LAUNCHER)
            .jvmOption("-Xmx256m")
            .args(
                List.of(
                    "market",
                    "--port",
                    "0",
                    "--bind",
                    "127.0.0.1",
                    "--data-dir",
                    dataDir.toString(),
                    "--operator-token",
                    "test-operator",
                    "--day-length",
                    "200ms"))
            .start()) {
      int port = Integer.parseInt(market.awaitLine("market listening on port (\\d+)", Await.LONG));
      ManagedChannel channel = Channels.open("127.0.0.1", port);
      List<ManagedChannel> abusers = new ArrayList<>();
      ExecutorService callers = Executors.newFixedThreadPool(6);
      try {
        // The trades come from a registered home: the size limit holds for a caller the market
        // lets in, not only for strangers (whom it refuses before reading a byte).
        long abuserId =
            MarketGrpc.newBlockingStub(channel)
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .register(
                    RegisterRequest.newBuilder()
                        .setName("abuser")
                        .setPolicy(TradePolicy.TRADE_POLICY_ALWAYS_SELL)
                        .setSecret(ABUSER_SECRET)
                        .build())
                .getHomeId();
        byte[] hugeName = registerWithName(SIXTY_MB);
        byte[] hugeRequestId = tradeWithRequestId(abuserId, SIXTY_MB);
        for (int i = 0; i < 6; i++) {
          abusers.add(Channels.open("127.0.0.1", port));
        }
        for (int round = 0; round < 3; round++) {
          List<Future<Status>> answers = new ArrayList<>();
          for (int i = 0; i < 6; i++) {
            ManagedChannel abuser = abusers.get(i);
            boolean name = i % 2 == 0;
            answers.add(
                callers.submit(
                    () ->
                        name
                            ? send(abuser, "Market/Register", hugeName)
                            : send(asAbuser(abuser), "Market/Trade", hugeRequestId)));
          }
          for (Future<Status> answer : answers) {
            Status status = answer.get(Await.LONG.toSeconds(), TimeUnit.SECONDS);
            assertEquals(Status.Code.RESOURCE_EXHAUSTED, status.getCode(), status::toString);
            assertTrue(String.valueOf(status.getDescription()).length() < 512, status::toString);
          }
        }

        // Under the transport's limit, a unary call still has its own, far smaller one.
        Status oneMegabyteName = send(channel, "Market/Register", registerWithName(1 << 20));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, oneMegabyteName.getCode());
        assertTrue(
            String.valueOf(oneMegabyteName.getDescription()).contains("limit of 65536 bytes"),
            oneMegabyteName::toString);

        assertTrue(market.isAlive(), market.transcript());
        long dayAfterAbuse = day(channel);
        Await.until(
            "the market closes three more days after the abuse",
            () -> day(channel) >= dayAfterAbuse + 3,
            Await.LONG);
        long peakKb = peakResidentKb(market.pid());
        System.out.println("market peak resident memory under abuse: " + peakKb + " kB");
        assertTrue(
            peakKb < 0 || peakKb < MAX_RSS_KB,
            "peak resident memory " + peakKb + " kB over " + MAX_RSS_KB + " kB");
        assertFalse(market.transcript().contains("OutOfMemoryError"), market.transcript());
        assertFalse(market.transcript().contains("SEVERE"), market.transcript());
      } finally {
        callers.shutdownNow();
        abusers.forEach(ManagedChannel::shutdownNow);
        channel.shutdownNow();
      }
    }
  }

  private static long day(ManagedChannel channel) {
    return MarketGrpc.newBlockingStub(channel)
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .getMarketState(GetMarketStateRequest.getDefaultInstance())
        .getDay();
  }

  /** The process's peak resident set (VmHWM) in kB, or -1 where /proc does not say. */
  private static long peakResidentKb(long pid) throws IOException {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    if (!Files.isReadable(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  /** The channel, every call presenting the abusing home's credentials. */
  private static Channel asAbuser(Channel channel) {
    CallCredentials credentials = MarketCredentials.home(ABUSER_SECRET);
    return ClientInterceptors.intercept(
        channel,
        new ClientInterceptor() {
          @Override
          public <Q, R> ClientCall<Q, R> interceptCall(
              MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            return next.newCall(method, options.withCallCredentials(credentials));
          }
        });
  }

  /** Sends an encoded request and returns the status it ended with. */
  private static Status send(Channel channel, String method, byte[] request) {
    try {
      RawCalls.unary(channel, method, request, Duration.ofSeconds(60));
      return Status.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
  }

  /** A Register request whose name has {@code size} characters, encoded once and sent often. */
  private static byte[] registerWithName(int size) {
    char[] name = new char[size];
    Arrays.fill(name, 'n');
    return RegisterRequest.newBuilder()
        .setName(new String(name))
        .setPolicy(TradePolicy.TRADE_POLICY_ALWAYS_SELL)
        .setSecret(ABUSER_SECRET)
        .build()
        .toByteArray();
  }

  /** A Trade request of a home whose request id has {@code size} characters. */
  private static byte[] tradeWithRequestId(long homeId, int size) {
    char[] id = new char[size];
    Arrays.fill(id, 'r');
    return TradeRequest.newBuilder()
        .setHomeId(homeId)
        .setDay(1)
        .setSide(TradeSide.TRADE_SIDE_SELL)
        .setAmountWh(1)
        .setRequestId(new String(id))
        .build()
        .toByteArray();
  }
}

package energy.market.launcher.it.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.StreamPricesRequest;
import energy.market.client.Channels;
import energy.market.client.ClientTls;
import energy.market.launcher.it.RunningMarket;
import energy.market.launcher.tls.ThrowawayCa;
import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every role over mutual TLS as real processes: a market that requires client certificates, the
 * weather daemon (serving its stream over mutual TLS too), the external daemon and a home that
 * reads its weather from the daemon's stream. Days close with the home taking part; clients that
 * speak plaintext, present no certificate or one from another CA are refused.
 */
class TlsIT {
  private static final int DAYS = 3;

  @TempDir Path dir;

  @Test
  void everyRoleTakesPartOverMutualTlsAndStrangersAreRefused() throws Exception {
    ThrowawayCa.TlsFiles ours = ThrowawayCa.write(dir.resolve("tls"));
    ThrowawayCa.TlsFiles theirs = ThrowawayCa.write(dir.resolve("other-ca"));
    List<String> server =
        List.of(
            "--tls-cert",
            ours.serverCert().toString(),
            "--tls-key",
            ours.serverKey().toString(),
            "--tls-client-ca",
            ours.ca().toString());
    List<String> client =
        List.of(
            "--tls-ca",
            ours.ca().toString(),
            "--tls-cert",
            ours.clientCert().toString(),
            "--tls-key",
            ours.clientKey().toString());
    ClientTls trusted = ClientTls.trusting(ours.ca(), ours.clientCert(), ours.clientKey());

    List<String> marketArgs =
        new ArrayList<>(
            List.of(
                "--day-length", "0",
                "--phase-deadline", "120s",
                "--days", Integer.toString(DAYS),
                "--await-homes", "1",
                "--await-daemons", "2"));
    marketArgs.addAll(server);
    try (ChildProcess market =
        RunningMarket.start(dir.resolve("data"), marketArgs.toArray(String[]::new))) {
      String address =
          "127.0.0.1:" + market.awaitLine("market listening on port (\\d+)", Await.LONG);

      List<String> weatherArgs =
          new ArrayList<>(
              List.of(
                  "--market",
                  address,
                  "--operator-token",
                  RunningMarket.OPERATOR_TOKEN,
                  "--port",
                  "0",
                  "--bind",
                  "127.0.0.1",
                  "--shm-file",
                  dir.resolve("weather").toString(),
                  "--tls-ca",
                  ours.ca().toString()));
      weatherArgs.addAll(server);
      List<String> externalArgs =
          new ArrayList<>(
              List.of(
                  "--market",
                  address,
                  "--operator-token",
                  RunningMarket.OPERATOR_TOKEN,
                  "--random",
                  "--seed",
                  "3"));
      externalArgs.addAll(client);
      try (ChildProcess weather = ChildProcess.role("weather", "weather", weatherArgs);
          ChildProcess external = ChildProcess.role("external", "external", externalArgs)) {
        String weatherAddress =
            "127.0.0.1:" + weather.awaitLine("weather listening on port (\\d+)", Await.LONG);
        List<String> homeArgs =
            new ArrayList<>(
                List.of(
                    "--market",
                    address,
                    "--name",
                    "alice",
                    "--days",
                    Integer.toString(DAYS),
                    "--weather",
                    "stream",
                    "--weather-address",
                    weatherAddress,
                    "--state-dir",
                    dir.resolve("home-state").toString()));
        homeArgs.addAll(client);
        try (ChildProcess home = ChildProcess.role("alice", "home", homeArgs)) {
          weather.awaitLine("connected to the market as the weather daemon", Await.LONG);
          external.awaitLine("connected to the market", Await.LONG);

          List<PriceTick> ticks = ticks(address, trusted);
          for (PriceTick tick : ticks) {
            assertEquals(1, tick.getHomes(), "day " + tick.getDay() + " closed without alice");
          }
          home.awaitLine("day " + DAYS + " alice: ", Await.LONG);
          assertEquals(0, home.awaitExit(Await.LONG), home.transcript());
          // The stream may miss day 1 (the home may ask before the daemon publishes), no later day.
          assertTrue(
              home.transcript()
                  .lines()
                  .filter(line -> line.contains("no temperature from"))
                  .allMatch(line -> line.contains("day 1: no temperature from stream")),
              home.transcript());
          assertEquals(ServingStatus.SERVING, health(weatherAddress, trusted));
        }

        for (String target : List.of(address, weatherAddress)) {
          assertRefused(target, ClientTls.PLAINTEXT, "a plaintext client");
          assertRefused(
              target, ClientTls.trusting(ours.ca(), null, null), "a client without certificate");
          assertRefused(
              target,
              ClientTls.trusting(ours.ca(), theirs.clientCert(), theirs.clientKey()),
              "a client whose certificate another CA signed");
          assertRefused(
              target,
              ClientTls.trusting(theirs.ca(), theirs.clientCert(), theirs.clientKey()),
              "a client that trusts another CA");
        }
      }
    }
  }

  @Test
  void missingCertificateFileIsOneLineAndExitCodeTwo() throws Exception {
    Path missing = dir.resolve("missing.pem");
    try (ChildProcess market =
        RunningMarket.start(
            dir.resolve("data"),
            "--tls-cert",
            missing.toString(),
            "--tls-key",
            missing.toString())) {
      assertEquals(2, market.awaitExit(Await.LONG), market.transcript());
      assertTrue(
          market.transcript().contains("TLS file " + missing + " does not exist"),
          market.transcript());
      assertFalse(market.transcript().contains("\tat "), market.transcript());
    }
  }

  private static List<PriceTick> ticks(String address, ClientTls tls) {
    ManagedChannel channel = Channels.open(address, tls);
    try {
      Iterator<PriceTick> stream =
          MarketGrpc.newBlockingStub(channel)
              .withDeadlineAfter(Await.LONG.toMillis(), TimeUnit.MILLISECONDS)
              .streamPrices(StreamPricesRequest.newBuilder().setFromDay(1).build());
      List<PriceTick> ticks = new ArrayList<>();
      while (ticks.size() < DAYS) {
        ticks.add(stream.next());
      }
      return ticks;
    } finally {
      channel.shutdownNow();
    }
  }

  private static ServingStatus health(String address, ClientTls tls) {
    ManagedChannel channel = Channels.open(address, tls);
    try {
      return HealthGrpc.newBlockingStub(channel)
          .withDeadlineAfter(Await.SHORT.toMillis(), TimeUnit.MILLISECONDS)
          .check(HealthCheckRequest.getDefaultInstance())
          .getStatus();
    } finally {
      channel.shutdownNow();
    }
  }

  private static void assertRefused(String address, ClientTls tls, String who) {
    StatusRuntimeException e =
        assertThrows(StatusRuntimeException.class, () -> health(address, tls), who);
    assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), who + ": " + e.getStatus());
  }
}

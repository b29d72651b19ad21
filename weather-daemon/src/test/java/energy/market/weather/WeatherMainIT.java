package energy.market.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.Phase;
import energy.market.api.v1.StreamWeatherRequest;
import energy.market.api.v1.WeatherGrpc;
import energy.market.api.v1.WeatherReport;
import energy.market.weather.model.WeatherModel;
import energy.market.weather.model.WeatherParameters;
import energy.market.weather.shm.WeatherFileException;
import energy.market.weather.shm.WeatherFileReader;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as a real process, against a market speaking real gRPC over loopback: it publishes
 * each opened day three ways, stops cleanly on SIGTERM (removing its file), and a daemon started
 * after a {@code kill -9} recognises the stale file and replaces it.
 */
class WeatherMainIT {
  private static final long SEED = 5;

  @TempDir Path dir;
  private final FakeMarket market = new FakeMarket();
  private Server marketServer;

  @BeforeEach
  void startMarket() throws Exception {
    marketServer =
        NettyServerBuilder.forAddress(
                new InetSocketAddress("127.0.0.1", 0), InsecureServerCredentials.create())
            .addService(market)
            .build()
            .start();
  }

  @AfterEach
  void stopMarket() throws InterruptedException {
    marketServer.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private ChildProcess daemon(Path shmFile) throws Exception {
    return new ChildProcess(
        dir,
        WeatherMain.class.getName(),
        "--market",
        "127.0.0.1:" + marketServer.getPort(),
        "--port",
        "0",
        "--bind",
        "127.0.0.1",
        "--seed",
        "" + SEED,
        "--shm-file",
        shmFile.toString(),
        "--operator-token",
        FakeMarket.TOKEN);
  }

  private static int port(String listeningLine) {
    return Integer.parseInt(listeningLine.substring("weather listening on port ".length()));
  }

  @Test
  void publishesEachOpenedDayThreeWaysAndStopsCleanlyOnSigterm() throws Exception {
    Path shmFile = dir.resolve("weather");
    WeatherModel model = new WeatherModel(SEED, WeatherParameters.DEFAULTS);
    try (ChildProcess child = daemon(shmFile)) {
      int port = port(child.awaitLine("weather listening on port ", 20));
      for (long day = 1; day <= 3; day++) {
        market.runPhase(day, Phase.PHASE_OPEN);
        assertEquals(model.temperatureFor(day), market.reports.poll().getTemperatureCelsius());
      }
      try (WeatherFileReader reader = WeatherFileReader.open(shmFile)) {
        assertEquals(3, reader.readLive().day());
        assertEquals(child.process.pid(), reader.writer().pid());
      }
      ManagedChannel channel =
          Grpc.newChannelBuilder("127.0.0.1:" + port, InsecureChannelCredentials.create()).build();
      try {
        assertEquals(
            ServingStatus.SERVING,
            HealthGrpc.newBlockingStub(channel)
                .withDeadlineAfter(5, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance())
                .getStatus());
        Iterator<WeatherReport> stream =
            WeatherGrpc.newBlockingStub(channel)
                .withDeadlineAfter(5, TimeUnit.SECONDS)
                .streamWeather(StreamWeatherRequest.newBuilder().setFromDay(1).build());
        for (long day = 1; day <= 3; day++) {
          assertEquals(model.temperatureFor(day), stream.next().getTemperatureCelsius());
        }
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }

      child.process.destroy(); // SIGTERM
      assertTrue(child.process.waitFor(15, TimeUnit.SECONDS), "the daemon did not stop");
      assertEquals(143, child.process.exitValue());
      assertFalse(Files.exists(shmFile), "the daemon left its file behind");
      String stderr = child.stderrText();
      assertTrue(stderr.contains("weather: stopping"), stderr);
      assertTrue(stderr.contains("weather: stopped"), stderr);
      market.sessionEnded.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void daemonAfterAKillNineReplacesTheStaleFile() throws Exception {
    Path shmFile = dir.resolve("weather");
    long crashedPid;
    try (ChildProcess crashed = daemon(shmFile)) {
      crashed.awaitLine("weather listening on port ", 20);
      crashedPid = crashed.process.pid();
      crashed.process.destroyForcibly(); // kill -9: no shutdown hook runs
      assertTrue(crashed.process.waitFor(10, TimeUnit.SECONDS));
    }
    assertTrue(Files.exists(shmFile), "kill -9 leaves the file");
    try (WeatherFileReader reader = WeatherFileReader.open(shmFile)) {
      WeatherFileException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              WeatherFileException.class, () -> reader.awaitDay(1, Duration.ofSeconds(5)));
      assertEquals(WeatherFileException.Reason.STALE, e.reason());
    }

    try (ChildProcess next = daemon(shmFile)) {
      assertEquals(
          "replacing stale weather file "
              + shmFile
              + " left by pid "
              + crashedPid
              + ", which is no longer running",
          next.awaitLine("replacing stale weather file", 20));
      next.awaitLine("weather listening on port ", 20);
      try (WeatherFileReader reader = WeatherFileReader.open(shmFile)) {
        assertEquals(next.process.pid(), reader.writer().pid());
      }
      next.process.destroy();
      assertTrue(next.process.waitFor(15, TimeUnit.SECONDS));
      assertFalse(Files.exists(shmFile));
    }
  }
}

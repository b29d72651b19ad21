package energy.market.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.DaemonRole;
import energy.market.api.v1.Phase;
import energy.market.api.v1.PhaseDone;
import energy.market.api.v1.ReportWeatherRequest;
import energy.market.api.v1.StreamWeatherRequest;
import energy.market.api.v1.WeatherGrpc;
import energy.market.api.v1.WeatherReport;
import energy.market.weather.model.WeatherModel;
import energy.market.weather.model.WeatherParameters;
import energy.market.weather.shm.WeatherFileException;
import energy.market.weather.shm.WeatherFileReader;
import energy.market.weather.shm.WeatherSnapshot;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeatherDaemonTest {
  private static final long SEED = 11;

  @TempDir Path dir;
  private final FakeMarket market = new FakeMarket();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private Server marketServer;
  private ManagedChannel marketChannel;
  private String weatherName;

  @BeforeEach
  void startMarket() throws Exception {
    String name = InProcessServerBuilder.generateName();
    marketServer =
        InProcessServerBuilder.forName(name).directExecutor().addService(market).build().start();
    marketChannel = InProcessChannelBuilder.forName(name).build();
  }

  @AfterEach
  void stopAll() throws Exception {
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      cleanup.get(i).close();
    }
    marketChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    marketServer.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private WeatherDaemonConfig config(String token) {
    return new WeatherDaemonConfig(
        SEED,
        WeatherParameters.DEFAULTS,
        dir.resolve("weather"),
        token,
        100,
        Duration.ofSeconds(1),
        4);
  }

  private WeatherDaemon startDaemon(String token) throws Exception {
    weatherName = InProcessServerBuilder.generateName();
    WeatherDaemon daemon =
        WeatherDaemon.start(
            config(token),
            InProcessServerBuilder.forName(weatherName).directExecutor(),
            marketChannel,
            Clock.systemUTC(),
            log::add);
    cleanup.add(daemon);
    return daemon;
  }

  @Test
  void eachOpenedDayIsWrittenStreamedAndReportedBeforeThePhaseIsDone() throws Exception {
    WeatherDaemon daemon = startDaemon(FakeMarket.TOKEN);
    WeatherModel model = new WeatherModel(SEED, WeatherParameters.DEFAULTS);
    assertEquals(
        DaemonRole.DAEMON_ROLE_WEATHER, market.hello.get(10, TimeUnit.SECONDS).getDaemonRole());
    assertEquals(FakeMarket.TOKEN, market.hello.get().getOperatorToken());

    for (long day = 1; day <= 3; day++) {
      PhaseDone done = market.runPhase(day, Phase.PHASE_OPEN);
      assertEquals(day, done.getDay());
      assertEquals(Phase.PHASE_OPEN, done.getPhase());
      ReportWeatherRequest report = market.reports.poll();
      assertEquals(day, report.getDay(), "the report came before PhaseDone");
      assertEquals(model.temperatureFor(day), report.getTemperatureCelsius());
      assertEquals(Phase.PHASE_GIFT, market.runPhase(day, Phase.PHASE_GIFT).getPhase());
      assertTrue(market.reports.isEmpty(), "only OPEN reports the weather");
    }

    try (WeatherFileReader reader = WeatherFileReader.open(daemon.sharedMemoryFile())) {
      WeatherSnapshot s = reader.readLive();
      assertEquals(3, s.day());
      assertEquals(model.temperatureFor(3), s.temperatureCelsius());
    }

    ManagedChannel weather = InProcessChannelBuilder.forName(weatherName).build();
    try {
      Iterator<WeatherReport> stream =
          WeatherGrpc.newBlockingStub(weather)
              .withDeadlineAfter(5, TimeUnit.SECONDS)
              .streamWeather(StreamWeatherRequest.newBuilder().setFromDay(1).build());
      for (long day = 1; day <= 3; day++) {
        WeatherReport r = stream.next();
        assertEquals(day, r.getDay());
        assertEquals(model.temperatureFor(day), r.getTemperatureCelsius());
      }
    } finally {
      weather.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    assertEquals(String.format("day 3: %.1f C", model.temperatureFor(3)), log.get(log.size() - 1));

    Path file = daemon.sharedMemoryFile();
    daemon.close();
    assertFalse(Files.exists(file), "the file is removed on close");
    market.sessionEnded.get(10, TimeUnit.SECONDS);
  }

  @Test
  void transientReportFailuresAreRetried() throws Exception {
    startDaemon(FakeMarket.TOKEN);
    market.failNextReports.set(2);
    market.runPhase(1, Phase.PHASE_OPEN);
    assertEquals(3, market.reports.size());
    assertTrue(log.get(log.size() - 1).matches("day 1: -?\\d+\\.\\d C"), log.toString());
  }

  @Test
  void rejectedTokenIsReportedOnceAndTheDayGoesOn() throws Exception {
    startDaemon("wrong-token");
    PhaseDone done = market.runPhase(1, Phase.PHASE_OPEN);
    assertEquals(1, done.getDay());
    assertEquals(1, market.reports.size());
    String last = log.get(log.size() - 1);
    assertTrue(
        last.endsWith("(not reported to the market: UNAUTHENTICATED: bad operator token)"), last);
  }

  @Test
  void secondDaemonOnTheSameFileIsRefused() throws Exception {
    WeatherDaemon first = startDaemon(FakeMarket.TOKEN);
    WeatherFileException e =
        assertThrows(WeatherFileException.class, () -> startDaemon(FakeMarket.TOKEN));
    assertEquals(WeatherFileException.Reason.IN_USE, e.reason());
    assertTrue(Files.exists(first.sharedMemoryFile()));
  }
}

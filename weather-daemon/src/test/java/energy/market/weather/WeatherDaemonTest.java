package energy.market.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.DaemonRole;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.ReportWeatherRequest;
import energy.market.api.v1.ReportWeatherResponse;
import energy.market.api.v1.SessionEvent;
import energy.market.api.v1.SessionRequest;
import energy.market.api.v1.StreamPricesRequest;
import energy.market.api.v1.StreamWeatherRequest;
import energy.market.api.v1.WeatherGrpc;
import energy.market.api.v1.WeatherReport;
import energy.market.client.MarketCredentials;
import energy.market.server.MethodTap;
import energy.market.server.MethodTap.Exchange;
import energy.market.server.TestMarket;
import energy.market.testing.Await;
import energy.market.weather.model.WeatherModel;
import energy.market.weather.model.WeatherParameters;
import energy.market.weather.shm.WeatherFileException;
import energy.market.weather.shm.WeatherFileReader;
import energy.market.weather.shm.WeatherSnapshot;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
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

/**
 * The daemon against the real market on the in-process transport: the market's day clock drives it,
 * and its calls are watched, or made to fail, in front of the market.
 */
class WeatherDaemonTest {
  private static final long SEED = 11;
  private static final int DAYS = 3;

  @TempDir Path dir;
  private final MethodTap<ReportWeatherRequest, ReportWeatherResponse> reports =
      new MethodTap<>(MarketGrpc.getReportWeatherMethod());
  private final MethodTap<SessionRequest, SessionEvent> sessions =
      new MethodTap<>(MarketGrpc.getConnectMethod());
  private final List<String> sessionAuthorizations = new CopyOnWriteArrayList<>();
  // The credentials travel in the call's metadata, so the session's are read from its headers.
  private final ServerInterceptor sessionHeaders =
      new ServerInterceptor() {
        @Override
        public <I, O> ServerCall.Listener<I> interceptCall(
            ServerCall<I, O> call, Metadata headers, ServerCallHandler<I, O> next) {
          if (call.getMethodDescriptor()
              .getFullMethodName()
              .equals(MarketGrpc.getConnectMethod().getFullMethodName())) {
            sessionAuthorizations.add(headers.get(MarketCredentials.AUTHORIZATION));
          }
          return next.startCall(call, headers);
        }
      };
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private TestMarket market;
  private String weatherName;

  @BeforeEach
  void startMarket() throws Exception {
    // Phases wait for the daemon (up to a deadline a busy machine never reaches).
    market = TestMarket.fast(Duration.ofSeconds(60), DAYS, reports, sessions, sessionHeaders);
  }

  @AfterEach
  void stopAll() throws Exception {
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      cleanup.get(i).close();
    }
    market.close();
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
            market.channel,
            Clock.systemUTC(),
            log::add);
    cleanup.add(daemon);
    return daemon;
  }

  /** Day 1 opens once the daemon has joined; returns the ticks of the first {@code days}. */
  private List<PriceTick> runDays(int days) {
    market.engine.startWhen(0, 1);
    Iterator<PriceTick> stream =
        MarketGrpc.newBlockingStub(market.channel)
            .withDeadlineAfter(Await.LONG.toMillis(), TimeUnit.MILLISECONDS)
            .streamPrices(StreamPricesRequest.newBuilder().setFromDay(1).build());
    List<PriceTick> ticks = new ArrayList<>();
    while (ticks.size() < days) {
      ticks.add(stream.next());
    }
    return ticks;
  }

  @Test
  void eachOpenedDayIsWrittenStreamedAndReportedBeforeThePhaseIsDone() throws Exception {
    WeatherDaemon daemon = startDaemon(TestMarket.OPERATOR);
    WeatherModel model = new WeatherModel(SEED, WeatherParameters.DEFAULTS);
    SessionRequest hello = sessions.awaitAnswered(1, Await.SHORT).get(0).request();
    assertEquals(DaemonRole.DAEMON_ROLE_WEATHER, hello.getHello().getDaemonRole());
    assertEquals(List.of("Operator " + TestMarket.OPERATOR), sessionAuthorizations);

    List<PriceTick> ticks = runDays(DAYS);
    for (PriceTick tick : ticks) {
      // OPEN waits for the daemon's PhaseDone: a tick that is not stale had its report in OPEN.
      assertFalse(tick.getWeatherStale(), "day " + tick.getDay() + " reported before PhaseDone");
      assertEquals(model.temperatureFor(tick.getDay()), tick.getTemperatureCelsius());
    }
    List<Exchange<ReportWeatherRequest, ReportWeatherResponse>> reported = reports.answered();
    assertEquals(DAYS, reported.size(), "one report a day, from OPEN only: " + reported);
    for (int i = 0; i < DAYS; i++) {
      assertEquals(i + 1, reported.get(i).request().getDay());
      assertTrue(reported.get(i).response().getApplied(), reported.get(i)::toString);
    }

    try (WeatherFileReader reader = WeatherFileReader.open(daemon.sharedMemoryFile())) {
      WeatherSnapshot s = reader.readLive();
      assertEquals(DAYS, s.day());
      assertEquals(model.temperatureFor(DAYS), s.temperatureCelsius());
    }

    ManagedChannel weather = InProcessChannelBuilder.forName(weatherName).build();
    try {
      Iterator<WeatherReport> stream =
          WeatherGrpc.newBlockingStub(weather)
              .withDeadlineAfter(30, TimeUnit.SECONDS)
              .streamWeather(StreamWeatherRequest.newBuilder().setFromDay(1).build());
      for (long day = 1; day <= DAYS; day++) {
        WeatherReport r = stream.next();
        assertEquals(day, r.getDay());
        assertEquals(model.temperatureFor(day), r.getTemperatureCelsius());
      }
    } finally {
      weather.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    assertEquals(
        String.format("day %d: %.1f C", DAYS, model.temperatureFor(DAYS)), log.get(log.size() - 1));

    Path file = daemon.sharedMemoryFile();
    daemon.close();
    assertFalse(Files.exists(file), "the file is removed on close");
  }

  @Test
  void transientReportFailuresAreRetried() throws Exception {
    startDaemon(TestMarket.OPERATOR);
    reports.failNext(2, Status.UNAVAILABLE);

    List<PriceTick> ticks = runDays(DAYS);

    assertTrue(ticks.stream().noneMatch(PriceTick::getWeatherStale), ticks::toString);
    assertEquals(2 + DAYS, reports.attempts(), "day 1 took three attempts, the others one");
    assertEquals(DAYS, reports.answered().size());
    assertTrue(log.stream().anyMatch(line -> line.matches("day 1: -?\\d+\\.\\d C")), log::toString);
  }

  @Test
  void rejectedTokenIsReportedOnceAndTheDayGoesOn() throws Exception {
    startDaemon(TestMarket.OPERATOR);
    reports.failNext(
        Integer.MAX_VALUE, Status.UNAUTHENTICATED.withDescription("bad operator token"));

    List<PriceTick> ticks = runDays(DAYS);

    assertTrue(ticks.get(0).getWeatherStale(), "day 1 closed without the weather");
    assertEquals(DAYS, reports.attempts(), "one attempt a day, no retry");
    String last = log.get(log.size() - 1);
    assertTrue(
        last.endsWith("(not reported to the market: UNAUTHENTICATED: bad operator token)"), last);
  }

  @Test
  void secondDaemonOnTheSameFileIsRefused() throws Exception {
    WeatherDaemon first = startDaemon(TestMarket.OPERATOR);
    WeatherFileException e =
        assertThrows(WeatherFileException.class, () -> startDaemon(TestMarket.OPERATOR));
    assertEquals(WeatherFileException.Reason.IN_USE, e.reason());
    assertTrue(Files.exists(first.sharedMemoryFile()));
  }
}

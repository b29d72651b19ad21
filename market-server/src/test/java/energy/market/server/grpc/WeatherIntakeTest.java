package energy.market.server.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.DaemonRole;
import energy.market.api.v1.Phase;
import energy.market.api.v1.PhaseDone;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.ReportWeatherRequest;
import energy.market.api.v1.SessionHello;
import energy.market.api.v1.SessionRequest;
import energy.market.client.MarketCredentials;
import energy.market.server.TestMarket;
import energy.market.server.TestSession;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WeatherIntakeTest {

  private static TestSession daemon(TestMarket market, String token) {
    return TestSession.connect(
        market.channel,
        MarketCredentials.operator(token),
        SessionRequest.newBuilder()
            .setHello(SessionHello.newBuilder().setDaemonRole(DaemonRole.DAEMON_ROLE_WEATHER))
            .build());
  }

  private static ReportWeatherRequest weather(long day, double celsius) {
    return ReportWeatherRequest.newBuilder().setDay(day).setTemperatureCelsius(celsius).build();
  }

  @Test
  void aReportDuringOpenSetsTheDaysTemperatureAndAMissingOneKeepsTheLastAsStale() throws Exception {
    try (TestMarket market = TestMarket.fast(Duration.ofMillis(300), 2)) {
      TestSession daemon = daemon(market, TestMarket.OPERATOR);
      daemon.await(event -> event.hasWelcome());
      market.startClock();
      assertEquals(1, daemon.awaitPhase(Phase.PHASE_OPEN));
      assertTrue(market.operatorMarket().reportWeather(weather(1, -4.5)).getApplied());
      daemon.send(
          SessionRequest.newBuilder()
              .setPhaseDone(PhaseDone.newBuilder().setDay(1).setPhase(Phase.PHASE_OPEN))
              .build());
      PriceTick day1 = daemon.await(event -> event.hasDayClosed()).getDayClosed();
      assertEquals(-4.5, day1.getTemperatureCelsius());
      assertFalse(day1.getWeatherStale());
      // Day 2: the daemon stays silent; the OPEN deadline passes and the day goes on.
      PriceTick day2 = daemon.await(event -> event.hasDayClosed()).getDayClosed();
      assertEquals(2, day2.getDay());
      assertEquals(-4.5, day2.getTemperatureCelsius());
      assertTrue(day2.getWeatherStale());
      assertFalse(market.operatorMarket().reportWeather(weather(2, 3)).getApplied(), "too late");
    }
  }

  @Test
  void badReportsAndWrongTokensAreRejected() throws Exception {
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(1), 1)) {
      for (double bad :
          new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 61, -91}) {
        StatusRuntimeException error =
            assertThrows(
                StatusRuntimeException.class,
                () -> market.operatorMarket().reportWeather(weather(1, bad)));
        assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode(), "" + bad);
      }
      StatusRuntimeException unauthenticated =
          assertThrows(
              StatusRuntimeException.class,
              () ->
                  market
                      .market()
                      .withCallCredentials(MarketCredentials.operator("x"))
                      .reportWeather(weather(1, 10)));
      assertEquals(Status.Code.UNAUTHENTICATED, unauthenticated.getStatus().getCode());
      StatusRuntimeException anonymous =
          assertThrows(
              StatusRuntimeException.class, () -> market.market().reportWeather(weather(1, 10)));
      assertEquals(Status.Code.UNAUTHENTICATED, anonymous.getStatus().getCode());
      StatusRuntimeException aHome =
          assertThrows(
              StatusRuntimeException.class,
              () -> market.homeMarket().reportWeather(weather(1, 10)));
      assertEquals(Status.Code.UNAUTHENTICATED, aHome.getStatus().getCode(), "no home registered");
      TestSession impostor = daemon(market, "not-the-token");
      assertEquals(Status.Code.UNAUTHENTICATED, impostor.awaitEnd().getCode());
    }
  }
}

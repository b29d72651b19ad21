package energy.market.server;

import static energy.market.server.SessionMessages.orders;
import static energy.market.server.SessionMessages.report;
import static energy.market.server.SessionMessages.reports;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.DaemonRole;
import energy.market.api.v1.GetMarketStateRequest;
import energy.market.api.v1.MarketState;
import energy.market.api.v1.Phase;
import energy.market.api.v1.PhaseDone;
import energy.market.api.v1.PhaseStarted;
import energy.market.api.v1.RegisterResponse;
import energy.market.api.v1.ReportWeatherRequest;
import energy.market.api.v1.SessionEvent;
import energy.market.api.v1.SessionHello;
import energy.market.api.v1.SessionRequest;
import energy.market.api.v1.TradePolicy;
import energy.market.client.MarketCredentials;
import energy.market.server.clock.Pace;
import energy.market.server.ledger.ClosedDay;
import energy.market.server.ledger.LedgerDouble;
import energy.market.server.ledger.LedgerException;
import energy.market.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * While the ledger keeps a day's close, the daemons begin the next day (its weather needs nothing
 * from the close), but nothing of the close, nor the next day, reaches anyone else before it is
 * kept.
 */
class CloseKeptBeforeToldTest {

  /** Holds the close of day 1 until the test lets it go; keeps every other day at once. */
  private static final class HeldCloseLedger extends LedgerDouble {
    final CompletableFuture<Void> dayOne = new CompletableFuture<>();
    volatile boolean dayOneHanded;

    @Override
    public CompletableFuture<Void> dayKept(ClosedDay day) {
      if (day.tick().day() != 1) {
        return CompletableFuture.completedFuture(null);
      }
      dayOneHanded = true;
      return dayOne;
    }
  }

  /** A two-day market with one home and a weather daemon, whose day 1 is with the ledger. */
  private record DayOneHeld(TestMarket market, TestSession homes, TestSession weather)
      implements AutoCloseable {

    static DayOneHeld start(HeldCloseLedger ledger) throws Exception {
      TestMarket market =
          new TestMarket(TestMarket.settings(Pace.fast(Duration.ofSeconds(30)), 2), ledger);
      try {
        RegisterResponse home = market.register("h", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
        TestSession homes = market.connect(home);
        TestSession weather = weatherDaemon(market);
        market.startClock();
        openWith(market, weather, 1, -3.0);
        playDayOne(homes, home);
        Await.until("day 1 handed to the ledger", () -> ledger.dayOneHanded, Await.SHORT);
        return new DayOneHeld(market, homes, weather);
      } catch (Exception | AssertionError e) {
        market.close();
        throw e;
      }
    }

    @Override
    public void close() {
      market.close();
    }
  }

  @Test
  void theDaemonsOpenTheNextDayWhileTheCloseIsKeptAndTheHomesHearOfItAfter() throws Exception {
    HeldCloseLedger ledger = new HeldCloseLedger();
    try (DayOneHeld run = DayOneHeld.start(ledger)) {
      TestMarket market = run.market();
      TestSession homes = run.homes();
      TestSession weather = run.weather();

      // Day 2 opens for the daemon and takes its weather while day 1 is still being kept.
      assertEquals(2, weather.awaitPhase(Phase.PHASE_OPEN));
      assertTrue(market.operatorMarket().reportWeather(weather(2, 7.5)).getApplied());
      weather.send(phaseDone(2, Phase.PHASE_OPEN));
      MarketState during =
          market.market().getMarketState(GetMarketStateRequest.getDefaultInstance());
      assertEquals(1, during.getDay(), "views show the day being closed");
      assertEquals(Phase.PHASE_CLOSE, during.getPhase());
      assertFalse(during.hasLastTick(), "no tick before the close is kept");
      assertNull(market.engine.ticks().latest());
      assertHeardNothingOfTheCloseNorDayTwo(homes);

      ledger.dayOne.complete(null);
      List<String> told = new ArrayList<>();
      PhaseStarted gift = null;
      while (gift == null) {
        SessionEvent event = homes.await(e -> e.hasDayClosed() || e.hasPhaseStarted());
        if (event.hasDayClosed()) {
          told.add("closed " + event.getDayClosed().getDay());
        } else {
          PhaseStarted phase = event.getPhaseStarted();
          told.add(phase.getPhase() + " " + phase.getDay());
          gift = phase.getPhase() == Phase.PHASE_GIFT ? phase : null;
        }
      }
      assertEquals(List.of("closed 1", "PHASE_OPEN 2", "PHASE_GIFT 2"), told);
      assertEquals(7.5, gift.getTemperatureCelsius(), "the weather reported during the commit");
      assertEquals(
          market.engine.ticks().latest().priceMicro(),
          gift.getPriceMicroEurPerKwh(),
          "day 2 trades at the price day 1's close set");
    }
  }

  @Test
  void theRunEndsOnlyOnceItsLastCloseIsKept() throws Exception {
    HeldCloseLedger ledger = new HeldCloseLedger();
    try (TestMarket market =
        new TestMarket(TestMarket.settings(Pace.fast(Duration.ofSeconds(30)), 1), ledger)) {
      market.startClock();
      Await.until("day 1 handed to the ledger", () -> ledger.dayOneHanded, Await.SHORT);
      assertFalse(market.engine.finished().isDone(), "the run waits for its last close");
      ledger.dayOne.complete(null);
      market.engine.finished().get(Await.SHORT.toMillis(), TimeUnit.MILLISECONDS);
      assertEquals(1, market.engine.ticks().latest().day());
    }
  }

  @Test
  void aCloseTheLedgerFailsToKeepIsNeverToldAndStopsTheMarket() throws Exception {
    HeldCloseLedger ledger = new HeldCloseLedger();
    try (DayOneHeld run = DayOneHeld.start(ledger)) {
      TestMarket market = run.market();
      TestSession homes = run.homes();
      assertEquals(2, run.weather().awaitPhase(Phase.PHASE_OPEN));

      ledger.dayOne.completeExceptionally(new LedgerException("disk full"));
      ExecutionException stopped =
          assertThrows(
              ExecutionException.class,
              () -> market.engine.finished().get(Await.SHORT.toMillis(), TimeUnit.MILLISECONDS));
      assertInstanceOf(LedgerException.class, stopped.getCause());
      assertNull(market.engine.ticks().latest(), "no tick published");
      assertHeardNothingOfTheCloseNorDayTwo(homes);
    }
  }

  private static TestSession weatherDaemon(TestMarket market) throws InterruptedException {
    TestSession daemon =
        TestSession.connect(
            market.channel,
            MarketCredentials.operator(TestMarket.OPERATOR),
            SessionRequest.newBuilder()
                .setHello(SessionHello.newBuilder().setDaemonRole(DaemonRole.DAEMON_ROLE_WEATHER))
                .build());
    daemon.await(SessionEvent::hasWelcome);
    return daemon;
  }

  private static void openWith(TestMarket market, TestSession weather, long day, double celsius)
      throws InterruptedException {
    assertEquals(day, weather.awaitPhase(Phase.PHASE_OPEN));
    assertTrue(market.operatorMarket().reportWeather(weather(day, celsius)).getApplied());
    weather.send(phaseDone(day, Phase.PHASE_OPEN));
  }

  /**
   * Day 1 for one home: declared, no order; the session is left with nothing unread after TRADE.
   */
  private static void playDayOne(TestSession homes, RegisterResponse home)
      throws InterruptedException {
    assertEquals(1, homes.awaitPhase(Phase.PHASE_GIFT));
    homes.send(reports(1, report(home, 4_000, 1_000)));
    assertEquals(1, homes.awaitPhase(Phase.PHASE_TRADE));
    homes.send(orders(1));
  }

  /** Reads what the homes' session received so far: nothing of day 1's close, nor of day 2. */
  private static void assertHeardNothingOfTheCloseNorDayTwo(TestSession homes)
      throws InterruptedException {
    List<SessionEvent> heard = drain(homes);
    assertTrue(
        heard.stream().noneMatch(CloseKeptBeforeToldTest::closeOrDayTwo),
        "the homes heard nothing of the close or of day 2: " + heard);
  }

  private static boolean closeOrDayTwo(SessionEvent event) {
    return event.hasDayClosed()
        || event.hasBalances()
        || (event.hasPhaseStarted() && event.getPhaseStarted().getDay() == 2);
  }

  /** What the session received and nobody read yet. */
  private static List<SessionEvent> drain(TestSession session) throws InterruptedException {
    List<SessionEvent> events = new ArrayList<>();
    for (SessionEvent event = session.poll(0, TimeUnit.MILLISECONDS);
        event != null;
        event = session.poll(0, TimeUnit.MILLISECONDS)) {
      events.add(event);
    }
    return events;
  }

  private static ReportWeatherRequest weather(long day, double celsius) {
    return ReportWeatherRequest.newBuilder().setDay(day).setTemperatureCelsius(celsius).build();
  }

  private static SessionRequest phaseDone(long day, Phase phase) {
    return SessionRequest.newBuilder()
        .setPhaseDone(PhaseDone.newBuilder().setDay(day).setPhase(phase))
        .build();
  }
}

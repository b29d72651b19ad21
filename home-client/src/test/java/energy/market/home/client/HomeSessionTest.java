package energy.market.home.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.Account;
import energy.market.api.v1.DaemonRole;
import energy.market.api.v1.GetAccountRequest;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.Phase;
import energy.market.api.v1.PhaseDone;
import energy.market.api.v1.SessionEvent;
import energy.market.api.v1.SessionHello;
import energy.market.api.v1.SessionRequest;
import energy.market.home.DayClosed;
import energy.market.home.DayTemperature;
import energy.market.home.EnergyModel;
import energy.market.home.Fleet;
import energy.market.home.Home;
import energy.market.home.HomeParameters;
import energy.market.model.Policy;
import energy.market.server.MarketServer;
import energy.market.server.TestMarket;
import energy.market.server.TestSession;
import energy.market.server.clock.Pace;
import energy.market.server.engine.MarketEngine;
import energy.market.server.ledger.Ledger;
import energy.market.testing.Await;
import energy.market.testing.Books;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The home session against a real market on the in-process transport. */
class HomeSessionTest {
  private final RecordingListener listener = new RecordingListener();
  private final BlockingQueue<DayClosed> ticks = listener.ticks;
  private final BlockingQueue<String> news = listener.news;

  private static Fleet fleet() {
    return new Fleet(
        new EnergyModel(3, HomeParameters.DEFAULTS),
        List.of(
            new Home("seller", Policy.ALWAYS_SELL, TestMarket.SECRET),
            new Home("giver", Policy.ALWAYS_GIVE, TestMarket.SECRET),
            new Home("mixed", Policy.SELL_IF_NO_TAKERS, TestMarket.SECRET),
            new Home("other", Policy.SELL_IF_NO_TAKERS, TestMarket.SECRET)));
  }

  private static MarketServer market(String name, long days) throws Exception {
    MarketEngine engine =
        new MarketEngine(
            TestMarket.settings(Pace.fast(Duration.ofSeconds(5)), days),
            Ledger.IN_MEMORY,
            Clock.systemUTC());
    return new MarketServer(InProcessServerBuilder.forName(name), engine).start();
  }

  @Test
  void oneSessionCarriesEveryHomeThroughTheDaysAndTheBooksAgreeWithTheHomes() throws Exception {
    String name = InProcessServerBuilder.generateName();
    MarketServer server = market(name, 5);
    ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
    Fleet fleet = fleet();
    try (HomeSession session =
        new HomeSession(channel, fleet, DayTemperature.MARKET, "test", listener)) {
      session.start();
      server.engine().startWhen(4, 0);
      assertEquals(5, server.engine().finished().get(20, TimeUnit.SECONDS));
      // The market finished before its last results reached the homes' session thread.
      Await.until(
          "day 5 closed at the homes",
          () -> ticks.stream().anyMatch(t -> t.day() == 5),
          Await.SHORT);
      long given = 0;
      long received = 0;
      for (Home home : fleet.homes()) {
        Account account =
            MarketGrpc.newBlockingStub(channel)
                .withDeadlineAfter(5, TimeUnit.SECONDS)
                .withCallCredentials(TestMarket.HOME)
                .getAccount(GetAccountRequest.newBuilder().setName(home.name()).build());
        assertEquals(5, account.getDays(), home.name() + " took part in every day");
        assertEquals(home.balanceMicro(), account.getBalanceMicroEur(), home.name());
        Books.assertEnergyBalances(account);
        assertEquals(0, account.getShortfallWh(), "a home that completes its days: " + account);
        if (home.policy() != Policy.ALWAYS_GIVE) {
          assertEquals(0, account.getWastedWh(), home.name() + " sells what it does not give");
        }
        given += account.getGivenWh();
        received += account.getReceivedWh();
      }
      assertEquals(given, received);
      assertTrue(given > 0, "gifts happened over 5 days");
    } finally {
      channel.shutdownNow();
      server.stop();
    }
  }

  @Test
  void theSessionReconnectsWithBackoffWhenTheMarketComesBack() throws Exception {
    String name = InProcessServerBuilder.generateName();
    MarketServer first = market(name, Long.MAX_VALUE);
    ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
    Fleet fleet = fleet();
    try (HomeSession session =
        new HomeSession(channel, fleet, DayTemperature.MARKET, "test", listener)) {
      session.start();
      first.engine().startWhen(4, 0);
      assertEquals(4, ticks.poll(10, TimeUnit.SECONDS).homes());
      first.stop();
      MarketServer second = market(name, Long.MAX_VALUE);
      try {
        second.engine().startWhen(4, 0);
        // The first market's ticks (as many as it ran days) may still be queued; they are skipped.
        Await.until(
            "the homes took part in the new market's day 1: " + news,
            () -> {
              for (DayClosed tick = ticks.poll(); tick != null; tick = ticks.poll()) {
                if (tick.day() == 1 && tick.homes() == 4) {
                  return true;
                }
              }
              return false;
            },
            Await.LONG);
        assertTrue(news.stream().anyMatch(line -> line.contains("reconnecting")), news.toString());
      } finally {
        second.stop();
      }
    } finally {
      channel.shutdownNow();
    }
  }

  @Test
  void aHomeProcessStartedAgainTakesItsBooksFromTheMarketAtItsFirstClose() throws Exception {
    String name = InProcessServerBuilder.generateName();
    MarketEngine engine =
        new MarketEngine(
            TestMarket.settings(Pace.fast(Duration.ofSeconds(60)), 4),
            Ledger.IN_MEMORY,
            Clock.systemUTC());
    MarketServer server = new MarketServer(InProcessServerBuilder.forName(name), engine).start();
    ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
    try {
      // A daemon session that ends each OPEN when the test says: no day starts behind its back.
      TestSession daemon =
          TestSession.connect(
              channel,
              TestMarket.OPERATOR_CREDENTIALS,
              SessionRequest.newBuilder()
                  .setHello(SessionHello.newBuilder().setDaemonRole(DaemonRole.DAEMON_ROLE_WEATHER))
                  .build());
      daemon.await(SessionEvent::hasWelcome);
      engine.startWhen(1, 1);

      Home before = new Home("h", Policy.ALWAYS_SELL, TestMarket.SECRET);
      try (HomeSession first =
          new HomeSession(channel, fleetOf(before), DayTemperature.MARKET, "test", listener)) {
        first.start();
        for (long day = 1; day <= 2; day++) {
          endOpen(daemon, day);
          awaitClose(day);
        }
      }
      long earned = before.balanceMicro();
      assertTrue(earned != 0, "the home traded on days 1 and 2");

      // The same home in a new process: it knows its secret, not its books.
      news.clear();
      Home after = new Home("h", Policy.ALWAYS_SELL, TestMarket.SECRET);
      Fleet fleet = fleetOf(after);
      try (HomeSession second =
          new HomeSession(channel, fleet, DayTemperature.MARKET, "test", listener)) {
        second.start();
        Await.until(
            "the new process connected: " + news,
            () -> news.stream().anyMatch(line -> line.startsWith("connected")),
            Await.SHORT);
        for (long day = 3; day <= 4; day++) {
          endOpen(daemon, day);
          awaitClose(day);
        }
        assertEquals(4, engine.finished().get(30, TimeUnit.SECONDS));
        String line =
            String.format(
                Locale.ROOT,
                "books reconciled with the market after day 3: h %+.6f EUR from results this"
                    + " process did not hear",
                earned / 1e6);
        assertTrue(news.contains(line), line + " in " + news);
        Account account =
            MarketGrpc.newBlockingStub(channel)
                .withDeadlineAfter(5, TimeUnit.SECONDS)
                .withCallCredentials(TestMarket.HOME)
                .getAccount(GetAccountRequest.newBuilder().setName("h").build());
        assertEquals(account.getBalanceMicroEur(), after.balanceMicro());
      }
    } finally {
      channel.shutdownNow();
      server.stop();
    }
  }

  private static Fleet fleetOf(Home home) {
    return new Fleet(new EnergyModel(3, HomeParameters.DEFAULTS), List.of(home));
  }

  private static void endOpen(TestSession daemon, long day) throws InterruptedException {
    assertEquals(day, daemon.awaitPhase(Phase.PHASE_OPEN));
    daemon.send(
        SessionRequest.newBuilder()
            .setPhaseDone(PhaseDone.newBuilder().setDay(day).setPhase(Phase.PHASE_OPEN))
            .build());
  }

  private void awaitClose(long day) throws InterruptedException {
    Await.until(
        "the close of day " + day + ": " + news,
        () -> ticks.stream().anyMatch(tick -> tick.day() == day),
        Await.SHORT);
  }
}

package energy.market.home.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.GetAccountRequest;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.RegisterHomesRequest;
import energy.market.api.v1.RegisterHomesResponse;
import energy.market.api.v1.RegisterResponse;
import energy.market.home.DayTemperature;
import energy.market.home.EnergyModel;
import energy.market.home.Fleet;
import energy.market.home.Home;
import energy.market.home.HomeParameters;
import energy.market.model.Policy;
import energy.market.server.MethodTap;
import energy.market.server.TestMarket;
import energy.market.testing.Await;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/**
 * A registration the market committed but whose reply never reached the home (lost on the way, or
 * after the home's deadline): the home sends it again and gets its home back, never a taken name.
 */
class LostRegisterReplyTest {
  private final MethodTap<RegisterHomesRequest, RegisterHomesResponse> register =
      new MethodTap<>(MarketGrpc.getRegisterHomesMethod());

  private static Fleet fleet(String... names) {
    List<Home> homes =
        List.of(names).stream()
            .map(name -> new Home(name, Policy.ALWAYS_SELL, TestMarket.SECRET))
            .toList();
    return new Fleet(new EnergyModel(3, HomeParameters.DEFAULTS), homes);
  }

  @Test
  void theRegistrarsRetryGetsTheHomeTheMarketKeptAndThereIsOneHome() throws Exception {
    register.loseRepliesOfNext(1, Status.UNAVAILABLE);
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(5), 1, register)) {
      Fleet fleet = fleet("alice");
      Registrar registrar = new Registrar(market.channel, null);

      StatusRuntimeException lost =
          assertThrows(StatusRuntimeException.class, () -> registrar.registerAll(fleet));
      assertEquals(Status.Code.UNAVAILABLE, lost.getStatus().getCode());
      assertEquals(0, fleet.registered(), "the home never heard its id");
      assertEquals(1, market.homesRegistered(), "but the market kept the home");

      assertEquals(List.of(), registrar.registerAll(fleet), "the retry is not refused");
      Home alice = fleet.homes().iterator().next();
      List<MethodTap.Exchange<RegisterHomesRequest, RegisterHomesResponse>> answered =
          register.answered();
      assertEquals(2, answered.size());
      RegisterResponse first = answered.get(0).response().getResults(0).getRegistered();
      RegisterResponse retried = answered.get(1).response().getResults(0).getRegistered();
      assertFalse(first.getResumed());
      assertTrue(retried.getResumed());
      assertEquals(first.getHomeId(), alice.id());
      assertEquals(1, market.homesRegistered(), "one home, not two");
      assertEquals(
          alice.id(),
          market
              .homeMarket()
              .getAccount(GetAccountRequest.newBuilder().setName("alice").build())
              .getHomeId());
    }
  }

  @Test
  void aSessionWhoseFirstRepliesWereLostConnectsEveryHomeOnItsOwn() throws Exception {
    register.loseRepliesOfNext(2, Status.DEADLINE_EXCEEDED);
    RecordingListener listener = new RecordingListener();
    Queue<String> news = listener.news;
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(5), 1, register)) {
      Fleet fleet = fleet("h-1", "h-2", "h-3");
      try (HomeSession session =
          new HomeSession(market.channel, fleet, DayTemperature.MARKET, "test", listener)) {
        session.start();
        Await.until(
            "the session connected every home: " + news,
            () -> news.stream().anyMatch(line -> line.startsWith("connected: 3 homes")),
            Await.SHORT);
      }
      assertEquals(3, market.homesRegistered());
      assertTrue(news.stream().noneMatch(line -> line.contains("could not register")), "" + news);
      for (Home home : fleet.homes()) {
        assertEquals(
            home.id(),
            market
                .homeMarket()
                .getAccount(GetAccountRequest.newBuilder().setName(home.name()).build())
                .getHomeId());
      }
    }
  }
}

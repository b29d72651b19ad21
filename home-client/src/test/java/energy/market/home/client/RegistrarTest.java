package energy.market.home.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.RegisterHomesRequest;
import energy.market.api.v1.RegisterHomesResponse;
import energy.market.api.v1.RegisterRequest;
import energy.market.api.v1.RegisterResponse;
import energy.market.api.v1.TradePolicy;
import energy.market.home.EnergyModel;
import energy.market.home.Fleet;
import energy.market.home.Home;
import energy.market.home.HomeParameters;
import energy.market.model.Policy;
import energy.market.server.MethodTap;
import energy.market.server.TestMarket;
import energy.market.server.access.Registration;
import energy.market.server.clock.Pace;
import energy.market.server.engine.MarketSettings;
import energy.market.server.ledger.Ledger;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How a process's homes register: in batches, or one by one with a market that has no batches. */
class RegistrarTest {
  private final MethodTap<RegisterHomesRequest, RegisterHomesResponse> batches =
      new MethodTap<>(MarketGrpc.getRegisterHomesMethod());
  private final MethodTap<RegisterRequest, RegisterResponse> singles =
      new MethodTap<>(MarketGrpc.getRegisterMethod());

  private static Fleet fleet(int homes) {
    return new Fleet(
        new EnergyModel(3, HomeParameters.DEFAULTS),
        IntStream.range(0, homes)
            .mapToObj(i -> new Home("home-" + i, Policy.ALWAYS_SELL, TestMarket.SECRET))
            .toList());
  }

  private static void assertEveryHomeHasItsOwnId(Fleet fleet) {
    Set<Long> ids = new HashSet<>();
    for (Home home : fleet.homes()) {
      assertTrue(home.id() > 0, home.name() + " has no id");
      ids.add(home.id());
    }
    assertEquals(fleet.homes().size(), ids.size());
  }

  /**
   * A market whose registration permits for this address are {@code burst} and then one every 1,000
   * s: the burst is all a test gets, however slow the machine.
   */
  private static TestMarket marketWithPermits(int burst) throws Exception {
    MarketSettings settings =
        TestMarket.settings(Pace.fast(Duration.ofSeconds(5)), 1)
            .withRegistration(new Registration(null, 0.001, burst));
    return new TestMarket(settings, Ledger.IN_MEMORY);
  }

  @Test
  void aLargeFleetRegistersInCallsOfAFewHundredHomes() throws Exception {
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(5), 1, batches, singles)) {
      Fleet fleet = fleet(2 * Registrar.BATCH + 7);
      assertEquals(List.of(), new Registrar(market.channel, null).registerAll(fleet));
      assertEquals(fleet.homes().size(), fleet.registered());
      assertEveryHomeHasItsOwnId(fleet);
      assertEquals(fleet.homes().size(), market.homesRegistered());
      List<Integer> sizes =
          batches.answered().stream().map(call -> call.request().getHomesCount()).sorted().toList();
      assertEquals(List.of(7, Registrar.BATCH, Registrar.BATCH), sizes);
      assertEquals(0, singles.attempts(), "no home registered on its own");
    }
  }

  @Test
  void aMarketWithoutBatchesGetsOneRegisterPerHome() throws Exception {
    batches.failNext(1, Status.UNIMPLEMENTED);
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(5), 1, batches, singles)) {
      Fleet fleet = fleet(5);
      assertEquals(List.of(), new Registrar(market.channel, null).registerAll(fleet));
      assertEquals(5, fleet.registered());
      assertEveryHomeHasItsOwnId(fleet);
      assertEquals(5, singles.answered().size());
      assertEquals(5, market.homesRegistered());
    }
  }

  @Test
  void aHomeTheMarketRefusesIsReportedAndTheOthersRegister() throws Exception {
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(5), 1)) {
      market.register("home-2", TradePolicy.TRADE_POLICY_ALWAYS_SELL, "another-secret-0123456789");
      Fleet fleet = fleet(4);
      List<Registrar.Refusal> refusals = new Registrar(market.channel, null).registerAll(fleet);
      assertEquals(1, refusals.size());
      assertEquals("home-2", refusals.get(0).home().name());
      assertEquals(Status.Code.ALREADY_EXISTS, refusals.get(0).status().getCode());
      assertTrue(refusals.get(0).status().getDescription().contains("another secret"));
      assertEquals(3, fleet.registered());
    }
  }

  @Test
  void homesTheAddressHasNoPermitForAreRetriedLaterAndTheOthersAreKept() throws Exception {
    try (TestMarket market = marketWithPermits(3)) {
      Fleet fleet = fleet(5);
      StatusRuntimeException later =
          assertThrows(
              StatusRuntimeException.class,
              () -> new Registrar(market.channel, null).registerAll(fleet));
      assertEquals(Status.Code.RESOURCE_EXHAUSTED, later.getStatus().getCode());
      assertTrue(later.getStatus().getDescription().contains("too many registrations"));
      assertEquals(3, fleet.registered(), "the homes that got permits registered");
    }
  }

  @Test
  void aFleetComesBackAsOftenAsItLikesOnceItsAddressHasNoPermitLeft() throws Exception {
    try (TestMarket market = marketWithPermits(4)) {
      Fleet fleet = fleet(4);
      assertEquals(List.of(), new Registrar(market.channel, null).registerAll(fleet));
      List<Long> ids = fleet.homes().stream().map(Home::id).toList();
      for (int reconnect = 0; reconnect < 3; reconnect++) {
        Fleet back = fleet(4);
        assertEquals(List.of(), new Registrar(market.channel, null).registerAll(back));
        assertEquals(ids, back.homes().stream().map(Home::id).toList());
      }
      assertEquals(4, market.homesRegistered());
    }
  }

  @Test
  void aCallRefusedWholeRefusesEachOfItsHomes() throws Exception {
    MarketSettings settings =
        TestMarket.settings(Pace.fast(Duration.ofSeconds(5)), 1)
            .withRegistration(Registration.byToken("registration-token-0123"));
    try (TestMarket market = new TestMarket(settings, Ledger.IN_MEMORY)) {
      Fleet fleet = fleet(3);
      List<Registrar.Refusal> refusals = new Registrar(market.channel, null).registerAll(fleet);
      assertEquals(3, refusals.size());
      for (Registrar.Refusal refusal : refusals) {
        assertEquals(Status.Code.PERMISSION_DENIED, refusal.status().getCode());
      }
      assertEquals(0, fleet.registered());
    }
  }
}

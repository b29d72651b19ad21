package energy.market.server.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.GetMarketStateRequest;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.RegisterRequest;
import energy.market.api.v1.RegisterResponse;
import energy.market.api.v1.TradePolicy;
import energy.market.client.MarketCredentials;
import energy.market.server.TestMarket;
import energy.market.server.access.Registration;
import energy.market.server.clock.Pace;
import energy.market.server.engine.MarketSettings;
import energy.market.server.ledger.Ledger;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Closed registration (a registration token) and the per-peer registration rate. */
class RegistrationAccessTest {
  private static final String TOKEN = "registration-token-0123";

  private static TestMarket marketWith(Registration registration) throws Exception {
    MarketSettings settings =
        TestMarket.settings(Pace.fast(Duration.ofSeconds(5)), 1).withRegistration(registration);
    return new TestMarket(settings, Ledger.IN_MEMORY);
  }

  private static RegisterRequest home(String name) {
    return RegisterRequest.newBuilder()
        .setName(name)
        .setPolicy(TradePolicy.TRADE_POLICY_ALWAYS_SELL)
        .setSecret(TestMarket.SECRET)
        .build();
  }

  @Test
  void aClosedMarketRegistersOnlyForItsTokenOrTheOperator() throws Exception {
    try (TestMarket market = marketWith(Registration.byToken(TOKEN))) {
      StatusRuntimeException stranger =
          assertThrows(StatusRuntimeException.class, () -> market.market().register(home("eve")));
      assertEquals(Status.Code.PERMISSION_DENIED, stranger.getStatus().getCode());
      assertTrue(
          stranger.getStatus().getDescription().contains("registration token"),
          stranger.getStatus().getDescription());
      assertEquals(
          Status.Code.PERMISSION_DENIED,
          assertThrows(
                  StatusRuntimeException.class, () -> market.homeMarket().register(home("eve")))
              .getStatus()
              .getCode(),
          "a home secret is no registration token");
      assertEquals(
          Status.Code.UNAUTHENTICATED,
          assertThrows(
                  StatusRuntimeException.class,
                  () ->
                      market
                          .market()
                          .withCallCredentials(MarketCredentials.registration("guessed-token"))
                          .register(home("eve")))
              .getStatus()
              .getCode());
      assertEquals(0, market.homesRegistered(), "no stranger got in");

      MarketGrpc.MarketBlockingStub registrar =
          market.market().withCallCredentials(MarketCredentials.registration(TOKEN));
      RegisterResponse alice = registrar.register(home("alice"));
      assertFalse(alice.getResumed());
      assertTrue(registrar.register(home("alice")).getResumed(), "a retry is the same home");
      market.operatorMarket().register(home("bob"));
      assertEquals(2, market.homesRegistered());
    }
  }

  @Test
  void anOpenMarketRefusesARegistrationTokenItDoesNotHave() throws Exception {
    try (TestMarket market = marketWith(Registration.OPEN)) {
      StatusRuntimeException refused =
          assertThrows(
              StatusRuntimeException.class,
              () ->
                  market
                      .market()
                      .withCallCredentials(MarketCredentials.registration(TOKEN))
                      .register(home("alice")));
      assertEquals(Status.Code.UNAUTHENTICATED, refused.getStatus().getCode());
      assertTrue(refused.getStatus().getDescription().contains("open"));
      market.market().register(home("alice"));
    }
  }

  @Test
  void aPeerPastItsBurstIsToldToWait() throws Exception {
    // One permit every 1,000 s: the burst is all the test gets, however slow the machine.
    try (TestMarket market = marketWith(new Registration(null, 0.001, 3))) {
      for (int i = 0; i < 3; i++) {
        market.market().register(home("home-" + i));
      }
      StatusRuntimeException refused =
          assertThrows(
              StatusRuntimeException.class, () -> market.market().register(home("home-3")));
      assertEquals(Status.Code.RESOURCE_EXHAUSTED, refused.getStatus().getCode());
      assertTrue(
          refused.getStatus().getDescription().contains("too many registrations"),
          refused.getStatus().getDescription());
      assertEquals(3, market.homesRegistered());
      // Only Register is limited: the rest of the market serves the peer as before.
      market.market().getMarketState(GetMarketStateRequest.getDefaultInstance());
    }
  }
}

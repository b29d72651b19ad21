package energy.market.server.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.GetAccountRequest;
import energy.market.api.v1.MarketEvent;
import energy.market.api.v1.RegisterRequest;
import energy.market.api.v1.RegisterResponse;
import energy.market.api.v1.StreamEventsRequest;
import energy.market.api.v1.TradePolicy;
import energy.market.server.TestMarket;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

/** The market's rules for requests, seen through the services: each failure gets its status. */
class RequestRulesTest {
  private static Status statusOf(Runnable call) {
    return assertThrows(StatusRuntimeException.class, call::run).getStatus();
  }

  @Test
  void anAccountIsAskedForByIdOrByName() throws Exception {
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(1), 1)) {
      Status neither =
          statusOf(
              () -> market.operatorMarket().getAccount(GetAccountRequest.newBuilder().build()));
      assertEquals(Status.Code.INVALID_ARGUMENT, neither.getCode());
      assertEquals("give a home_id or a name", neither.getDescription());
      assertEquals(
          Status.Code.NOT_FOUND,
          statusOf(
                  () ->
                      market
                          .operatorMarket()
                          .getAccount(GetAccountRequest.newBuilder().setHomeId(42).build()))
              .getCode());
    }
  }

  @Test
  void aNewHomeTakesPartFromTheDayAfterTheCurrentOneAndResumesWithItsSecret() throws Exception {
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(1), 1)) {
      RegisterResponse home = market.register("early", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
      assertEquals(1, home.getFirstDay(), "before the clock runs, day 1 is next");
      assertFalse(home.getResumed());

      RegisterResponse again = market.register("early", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
      assertTrue(again.getResumed());
      assertEquals(home.getHomeId(), again.getHomeId());
      assertEquals(1, again.getFirstDay());
    }
  }

  @Test
  void anEventFeedFromANegativeDayIsRefusedBeforeAnythingIsSent() throws Exception {
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(1), 1)) {
      Iterator<MarketEvent> events =
          market.events().streamEvents(StreamEventsRequest.newBuilder().setFromDay(-1).build());
      Status refused = statusOf(events::hasNext);
      assertEquals(Status.Code.INVALID_ARGUMENT, refused.getCode());
      assertTrue(refused.getDescription().contains("from_day -1"), refused.getDescription());
    }
  }

  @Test
  void aRegistrationWithAnUnknownPolicyIsRefusedLikeAnyBadArgument() throws Exception {
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(1), 1)) {
      Status refused =
          statusOf(
              () ->
                  market
                      .market()
                      .register(
                          RegisterRequest.newBuilder().setName("odd").setPolicyValue(99).build()));
      assertEquals(Status.Code.INVALID_ARGUMENT, refused.getCode());
      assertTrue(refused.getDescription().startsWith("unknown trade policy"));
    }
  }
}

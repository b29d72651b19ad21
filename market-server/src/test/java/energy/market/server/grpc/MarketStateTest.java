package energy.market.server.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import energy.market.api.v1.EventKind;
import energy.market.api.v1.GetMarketStateRequest;
import energy.market.api.v1.MarketState;
import energy.market.api.v1.Phase;
import energy.market.api.v1.ReportEventRequest;
import energy.market.server.TestMarket;
import energy.market.server.clock.Pace;
import energy.market.server.ledger.Ledger;
import energy.market.testing.Await;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** GetMarketState over the in-process transport, read at moments of the day a client can see. */
class MarketStateTest {

  @Test
  void duringCloseThePriceIsTheOneTheDayTradedAtAndTheNewPriceIsInTheLastTick() throws Exception {
    // A paced day with nobody to wait for runs OPEN to the close at once, then stays in CLOSE for
    // the rest of its 30 seconds: time enough to read the state there.
    try (TestMarket market =
        new TestMarket(
            TestMarket.settings(Pace.fixed(Duration.ofSeconds(30)), 2), Ledger.IN_MEMORY)) {
      // A war reported before day 1 moves day 1's close, so the two prices differ.
      market
          .operatorEvents()
          .reportEvent(
              ReportEventRequest.newBuilder()
                  .setEventId("war-1")
                  .setKind(EventKind.EVENT_KIND_WAR)
                  .setSource("test")
                  .build());
      market.startClock();

      MarketState closing =
          Await.value(
              "day 1 in CLOSE with its tick published",
              () -> {
                MarketState state =
                    market.market().getMarketState(GetMarketStateRequest.getDefaultInstance());
                return state.getPhase() == Phase.PHASE_CLOSE && state.hasLastTick()
                    ? Optional.of(state)
                    : Optional.empty();
              },
              Await.SHORT);

      assertEquals(1, closing.getDay());
      assertEquals(1, closing.getLastTick().getDay());
      assertNotEquals(
          closing.getLastTick().getTradedPriceMicroEurPerKwh(),
          closing.getLastTick().getPriceMicroEurPerKwh(),
          "the war moved day 1's close");
      assertEquals(
          closing.getLastTick().getTradedPriceMicroEurPerKwh(),
          closing.getPriceMicroEurPerKwh(),
          "during CLOSE the state shows the price the day traded at");
    }
  }
}

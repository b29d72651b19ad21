package energy.market.server.day;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.server.TestMarket;
import energy.market.server.access.Registration;
import energy.market.server.clock.Pace;
import energy.market.server.engine.MarketSettings;
import energy.market.server.price.EventCatalog;
import energy.market.server.price.PriceParameters;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HomeCapacityTest {
  @Test
  void theDefaultKeepsOneHomeFarFromMovingThePriceAcrossItsBounds() {
    PriceParameters price = PriceParameters.DEFAULTS;
    HomeCapacity capacity = HomeCapacity.defaultFor(price);
    assertEquals(HomeCapacity.DEFAULT_WH, capacity.maxWh());
    double swingMicro = capacity.maxWh() / 1000.0 * price.alphaNetMicroPerKwh();
    assertTrue(
        swingMicro <= (price.capMicro() - price.floorMicro()) / 2.0,
        "one home moves the price by " + swingMicro + " micro-EUR/kWh a day");
  }

  @Test
  void aDeclarationOverTheCapacityIsRefusedSayingWhy() {
    HomeCapacity capacity = new HomeCapacity(1_000);
    capacity.require(1_000, 0);
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> capacity.require(0, 1_001));
    assertTrue(refused.getMessage().contains("--home-capacity-wh"), refused.getMessage());
  }

  @Test
  void aCapacityThatLetsOneHomeCrossThePriceRangeIsRefused() {
    MarketSettings defaults = TestMarket.settings(Pace.fast(Duration.ofSeconds(1)), 1);
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new MarketSettings(
                    1,
                    defaults.pace(),
                    1,
                    PriceParameters.DEFAULTS,
                    EventCatalog.defaults(),
                    4,
                    16,
                    3,
                    256,
                    "token",
                    new HomeCapacity(1_000_000_000L),
                    Registration.OPEN));
    assertTrue(refused.getMessage().contains("from its floor to its cap"), refused.getMessage());
  }
}

package energy.market.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import energy.market.model.Policy;
import energy.market.model.Side;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetTest {
  // A process's homes share the secret of its state directory.
  private static final String SECRET = "fleet-secret-0123456789";
  private final Home seller = new Home("seller", Policy.ALWAYS_SELL, SECRET);
  private final Home buyer = new Home("buyer", Policy.ALWAYS_SELL, SECRET);
  private final Fleet fleet =
      new Fleet(new EnergyModel(1, HomeParameters.DEFAULTS), List.of(seller, buyer));

  FleetTest() {
    fleet.registered(seller, 1);
    fleet.registered(buyer, 2);
  }

  @Test
  void theFleetsSecretIsTheOneItsHomesShare() {
    assertEquals(SECRET, fleet.secret());
    assertNull(new Fleet(new EnergyModel(1, HomeParameters.DEFAULTS), List.of()).secret());
  }

  @Test
  void homesWithDifferentSecretsAreRefusedBecauseOneSessionSpeaksForAll() {
    Home stranger = new Home("stranger", Policy.ALWAYS_SELL, "another-secret-0123456789");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Fleet(new EnergyModel(1, HomeParameters.DEFAULTS), List.of(seller, stranger)));
    assertEquals("a process's homes share one secret", e.getMessage());
  }

  @Test
  void aNameGivenTwiceIsRefused() {
    Home again = new Home("seller", Policy.ALWAYS_SELL, SECRET);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Fleet(new EnergyModel(1, HomeParameters.DEFAULTS), List.of(seller, again)));
    assertEquals("home name 'seller' is given twice", e.getMessage());
  }

  @Test
  void theMarketsBalancesSetTheBooksAndNameTheHomesThatDiffered() {
    fleet.traded(1, 1, Side.SELL, 10_000, 1_700_000);
    fleet.traded(2, 1, Side.BUY, 1_000, 170_000);
    // The market also kept a sale of day 2 whose receipt this process never heard.
    List<Fleet.Correction> corrections =
        fleet.reconcile(2, Map.of(1L, 2_130_395L, 2L, -170_000L, 99L, 5L));

    assertEquals(List.of(new Fleet.Correction(seller, 430_395)), corrections);
    assertEquals(2_130_395, seller.balanceMicro());
    assertEquals(-170_000, buyer.balanceMicro());
  }

  @Test
  void aReceiptOfADayTheBalancesIncludeCountsOnceAndLaterOnesCount() {
    fleet.reconcile(3, Map.of(1L, 1_000_000L, 2L, 0L));
    // A receipt of day 3 that arrives after the balances is in them already.
    fleet.traded(1, 3, Side.SELL, 1_000, 170_000);
    assertEquals(1_000_000, seller.balanceMicro());
    fleet.traded(1, 4, Side.SELL, 1_000, 170_000);
    assertEquals(1_170_000, seller.balanceMicro());
  }
}

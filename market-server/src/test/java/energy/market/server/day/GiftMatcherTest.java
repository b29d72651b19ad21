package energy.market.server.day;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GiftMatcherTest {
  private final GiftMatcher matcher = new GiftMatcher(7);

  @Test
  void claimsAreFilledPartiallyAcrossOffersAndTheRestIsReturned() {
    List<GiftOrder> offers = List.of(new GiftOrder(1, "a", 500), new GiftOrder(2, "b", 300));
    List<GiftOrder> claims = List.of(new GiftOrder(3, "c", 600));
    Map<Long, GiftOutcome> outcomes = matcher.match(1, offers, claims);
    assertEquals(600, outcomes.get(3L).receivedWh());
    long given = outcomes.get(1L).givenWh() + outcomes.get(2L).givenWh();
    assertEquals(600, given);
    long returned = outcomes.get(1L).returnedWh() + outcomes.get(2L).returnedWh();
    assertEquals(200, returned);
  }

  @Test
  void claimsBeyondTheOffersStayPartlyUnfilled() {
    Map<Long, GiftOutcome> outcomes =
        matcher.match(
            1,
            List.of(new GiftOrder(1, "a", 100)),
            List.of(new GiftOrder(2, "b", 80), new GiftOrder(3, "c", 80)));
    assertEquals(100, outcomes.get(1L).givenWh());
    assertEquals(0, outcomes.get(1L).returnedWh());
    assertEquals(100, outcomes.get(2L).receivedWh() + outcomes.get(3L).receivedWh());
  }

  @Test
  void theOutcomeDependsOnlyOnSeedDayAndNamesNotOnArrivalOrder() {
    SplittableRandom random = new SplittableRandom(3);
    List<GiftOrder> offers = new ArrayList<>();
    List<GiftOrder> claims = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      offers.add(new GiftOrder(i, "offer-" + i, random.nextLong(1, 5000)));
      claims.add(new GiftOrder(100 + i, "claim-" + i, random.nextLong(1, 5000)));
    }
    Map<Long, GiftOutcome> first = matcher.match(9, offers, claims);
    List<GiftOrder> shuffledOffers = new ArrayList<>(offers);
    List<GiftOrder> shuffledClaims = new ArrayList<>(claims);
    Collections.shuffle(shuffledOffers, new java.util.Random(1));
    Collections.shuffle(shuffledClaims, new java.util.Random(2));
    assertEquals(first, Map.copyOf(matcher.match(9, shuffledOffers, shuffledClaims)));
    assertNotEquals(
        first, Map.copyOf(matcher.match(10, offers, claims)), "another day serves others first");
  }

  @Test
  void energyIsConservedGivenEqualsReceivedAndOffersSplitIntoGivenAndReturned() {
    SplittableRandom random = new SplittableRandom(11);
    for (int round = 0; round < 200; round++) {
      List<GiftOrder> offers = new ArrayList<>();
      List<GiftOrder> claims = new ArrayList<>();
      int homes = random.nextInt(1, 40);
      for (int i = 0; i < homes; i++) {
        long amount = random.nextLong(1, 10_000);
        if (random.nextBoolean()) {
          offers.add(new GiftOrder(i, "h" + i, amount));
        } else {
          claims.add(new GiftOrder(i, "h" + i, amount));
        }
      }
      Map<Long, GiftOutcome> outcomes = matcher.match(round, offers, claims);
      long given = outcomes.values().stream().mapToLong(GiftOutcome::givenWh).sum();
      long received = outcomes.values().stream().mapToLong(GiftOutcome::receivedWh).sum();
      assertEquals(given, received);
      long offered = offers.stream().mapToLong(GiftOrder::amountWh).sum();
      long claimed = claims.stream().mapToLong(GiftOrder::amountWh).sum();
      assertEquals(Math.min(offered, claimed), given);
      for (GiftOrder offer : offers) {
        GiftOutcome outcome = outcomes.get(offer.homeId());
        assertEquals(offer.amountWh(), outcome.givenWh() + outcome.returnedWh());
      }
    }
  }
}

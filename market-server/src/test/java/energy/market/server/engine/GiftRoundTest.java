package energy.market.server.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.model.Policy;
import energy.market.server.day.Declaration;
import energy.market.server.day.GiftMatcher;
import energy.market.server.day.GiftOutcome;
import energy.market.server.day.HomeDay;
import energy.market.server.homes.Home;
import java.util.List;
import org.junit.jupiter.api.Test;

class GiftRoundTest {
  private static final long DAY = 3;
  private static final long PRICE = 170_000;

  private static HomeDay home(DayState state, long id, Policy policy) {
    HomeDay home = new HomeDay(new Home(id, "home-" + id, policy, "hash"), DAY);
    state.addHome(home);
    return home;
  }

  private static DayState day() {
    return new DayState(DAY, PRICE, 12.5);
  }

  @Test
  void giftsGoFromTheGiverToTheClaimerAndTheRestIsReturned() {
    DayState state = day();
    home(state, 1, Policy.ALWAYS_GIVE).declare(40_000, 10_000);
    state.takingPart(1).offer(30_000);
    home(state, 2, Policy.SELL_IF_NO_TAKERS).declare(0, 20_000);
    state.takingPart(2).claim(20_000);

    GiftRound.Result round = GiftRound.play(new GiftMatcher(7), state);

    assertEquals(
        List.of(new GiftOutcome(1, 20_000, 0, 10_000), new GiftOutcome(2, 0, 20_000, 0)),
        round.outcomes());
    assertEquals(20_000, state.takingPart(1).summary().givenWh());
    assertEquals(20_000, state.takingPart(2).summary().receivedWh());
  }

  @Test
  void theKeptDayHoldsEveryDeclaredHomeWithItsGiftsByIdAndNoOtherHome() {
    DayState state = day();
    home(state, 3, Policy.SELL_IF_NO_TAKERS).declare(0, 5_000);
    state.takingPart(3).claim(5_000);
    home(state, 2, Policy.ALWAYS_SELL); // takes part but never declared
    home(state, 1, Policy.ALWAYS_GIVE).declare(8_000, 0);
    state.takingPart(1).offer(8_000);
    state.reportWeather(-4);

    GiftRound.Result round = GiftRound.play(new GiftMatcher(7), state);

    assertEquals(DAY, round.openDay().day());
    assertEquals(PRICE, round.openDay().priceMicro());
    assertEquals(-4, round.openDay().temperatureCelsius());
    assertFalse(round.openDay().weatherStale());
    assertEquals(
        List.of(
            new Declaration(1, 8_000, 0, 8_000, 0, 5_000, 0, 3_000),
            new Declaration(3, 0, 5_000, 0, 5_000, 0, 5_000, 0)),
        round.openDay().homes());
  }

  @Test
  void homesWhoseGiftsWereMatchedBeforeARestartAreToldTheirKeptOutcomeAndNotMatchedAgain() {
    DayState state = day();
    Declaration kept = new Declaration(1, 40_000, 10_000, 30_000, 0, 12_000, 0, 18_000);
    state.addHome(HomeDay.restored(new Home(1, "giver", Policy.ALWAYS_GIVE, "hash"), DAY, kept));
    Declaration taker = new Declaration(2, 0, 12_000, 0, 12_000, 0, 12_000, 0);
    state.addHome(HomeDay.restored(new Home(2, "taker", Policy.ALWAYS_SELL, "hash"), DAY, taker));

    // Matching them again would throw: their gifts are fixed.
    GiftRound.Result round = GiftRound.play(new GiftMatcher(7), state);

    assertEquals(
        List.of(new GiftOutcome(1, 12_000, 0, 18_000), new GiftOutcome(2, 0, 12_000, 0)),
        round.outcomes());
    assertEquals(List.of(kept, taker), round.openDay().homes());
  }

  @Test
  void aDayWithoutOffersOrClaimsHasNoOutcomes() {
    DayState state = day();
    home(state, 1, Policy.ALWAYS_SELL).declare(10_000, 0);

    GiftRound.Result round = GiftRound.play(new GiftMatcher(7), state);

    assertTrue(round.outcomes().isEmpty());
    assertTrue(round.openDay().weatherStale(), "no weather was reported");
    assertEquals(1, round.openDay().homes().size());
  }

  @Test
  void theSameDayAndSeedMatchTheSameWay() {
    assertEquals(crowdedRound(7).outcomes(), crowdedRound(7).outcomes());
  }

  /** Many small givers and takers, so the matcher's order matters. */
  private static GiftRound.Result crowdedRound(long seed) {
    DayState state = day();
    for (long id = 1; id <= 20; id++) {
      if (id % 2 == 0) {
        home(state, id, Policy.ALWAYS_GIVE).declare(1_000 * id, 0);
        state.takingPart(id).offer(1_000 * id);
      } else {
        home(state, id, Policy.SELL_IF_NO_TAKERS).declare(0, 1_500 * id);
        state.takingPart(id).claim(1_500 * id);
      }
    }
    return GiftRound.play(new GiftMatcher(seed), state);
  }
}

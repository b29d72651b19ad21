package energy.market.server.engine;

import energy.market.server.day.Declaration;
import energy.market.server.day.GiftMatcher;
import energy.market.server.day.GiftOrder;
import energy.market.server.day.GiftOutcome;
import energy.market.server.day.HomeDay;
import energy.market.server.ledger.OpenDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The day's gift round, when GIFT closes: matches the offers and claims of the homes taking part,
 * books each home's gifts, and says what every home that offered or claimed got. No threads and no
 * I/O: the day clock's listener keeps and sends what it returns.
 */
final class GiftRound {
  private GiftRound() {}

  /**
   * What the round settled.
   *
   * @param outcomes what each home that offered or claimed got, by home id
   * @param openDay the day as it stands now, which the ledger keeps before any trade builds on it
   */
  record Result(List<GiftOutcome> outcomes, OpenDay openDay) {}

  /**
   * Plays the round on the day's homes. Homes whose gifts were matched before a restart are told
   * their kept outcome again, not matched again.
   */
  static Result play(GiftMatcher matcher, DayState state) {
    List<GiftOrder> offers = new ArrayList<>();
    List<GiftOrder> claims = new ArrayList<>();
    Map<Long, GiftOutcome> outcomes = new HashMap<>();
    for (HomeDay home : state.homes()) {
      if (home.giftsFixed()) {
        Declaration kept = home.declaration();
        if (kept.offeredWh() > 0 || kept.claimedWh() > 0) {
          outcomes.put(
              kept.homeId(),
              new GiftOutcome(kept.homeId(), kept.givenWh(), kept.receivedWh(), kept.returnedWh()));
        }
        continue;
      }
      if (home.offered() > 0) {
        offers.add(new GiftOrder(home.home().id(), home.home().name(), home.offered()));
      }
      if (home.claimed() > 0) {
        claims.add(new GiftOrder(home.home().id(), home.home().name(), home.claimed()));
      }
    }
    for (GiftOutcome outcome : matcher.match(state.day(), offers, claims).values()) {
      state.takingPart(outcome.homeId()).applyGifts(outcome.givenWh(), outcome.receivedWh());
      outcomes.put(outcome.homeId(), outcome);
    }
    List<GiftOutcome> sorted = new ArrayList<>(outcomes.values());
    sorted.sort(Comparator.comparingLong(GiftOutcome::homeId));
    return new Result(sorted, openDay(state));
  }

  /** The day's declarations and gifts, by home id. */
  private static OpenDay openDay(DayState state) {
    List<Declaration> declared = new ArrayList<>();
    for (HomeDay home : state.homes()) {
      if (home.declared()) {
        declared.add(home.declaration());
      }
    }
    declared.sort(Comparator.comparingLong(Declaration::homeId));
    return new OpenDay(
        state.day(),
        state.priceMicro(),
        state.temperatureCelsius(),
        !state.weatherReported(),
        declared);
  }
}

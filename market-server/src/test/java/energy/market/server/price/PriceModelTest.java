package energy.market.server.price;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.model.EventKind;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PriceModelTest {
  private final PriceModel model = new PriceModel(PriceParameters.DEFAULTS);
  private static final double MILD = 18.0; // inside the comfort band: no temperature term

  @Test
  void priceRevertsToTheReferenceByGammaEachDay() {
    long price = 400_000;
    for (int day = 0; day < 5; day++) {
      long next = model.next(price, new PriceInputs(0, 0, 10, MILD, 0)).priceMicro();
      long expected = Math.round(170_000 + 0.92 * (price - 170_000));
      assertEquals(expected, next);
      assertTrue(Math.abs(next - 170_000) < Math.abs(price - 170_000));
      price = next;
    }
  }

  @Test
  void netDemandRaisesAndNetSupplyLowersThePrice() {
    long atRest = model.next(170_000, new PriceInputs(0, 0, 10, MILD, 0)).priceMicro();
    long demand = model.next(170_000, new PriceInputs(100_000, 0, 10, MILD, 0)).priceMicro();
    long supply = model.next(170_000, new PriceInputs(0, 100_000, 10, MILD, 0)).priceMicro();
    // 10 kWh net per home at 150 micro-EUR per kWh.
    assertEquals(atRest + 1_500, demand);
    assertEquals(atRest - 1_500, supply);
  }

  @Test
  void coldAndHotDaysRaiseThePrice() {
    long mild = model.next(170_000, new PriceInputs(0, 0, 10, MILD, 0)).priceMicro();
    long cold = model.next(170_000, new PriceInputs(0, 0, 10, 5.0, 0)).priceMicro();
    long hot = model.next(170_000, new PriceInputs(0, 0, 10, 30.0, 0)).priceMicro();
    assertEquals(mild + 10 * 250, cold);
    assertEquals(mild + 8 * 250, hot);
  }

  @Test
  void anEventMovesThePriceByExactlyItsEffectAndFadesOverItsDuration() {
    EventBook book = new EventBook(EventCatalog.defaults());
    book.accept("storm-1", EventKind.STORM, "test", 4, Instant.EPOCH);
    EventSpec storm = EventCatalog.defaults().spec(EventKind.STORM);
    long withoutEvent = model.next(170_000, new PriceInputs(0, 0, 3, MILD, 0)).priceMicro();
    long[] effects = new long[8];
    for (int day = 1; day <= 7; day++) {
      effects[day] = book.effectsOn(day).stream().mapToLong(ActiveEffect::effectMicro).sum();
    }
    assertEquals(0, effects[3]);
    assertEquals(storm.effectMicro(), effects[4]);
    assertTrue(effects[5] > 0 && effects[5] < effects[4], "fades");
    assertTrue(effects[6] > 0 && effects[6] < effects[5], "fades further");
    assertEquals(0, effects[7], "over after its duration");
    long withEvent = model.next(170_000, new PriceInputs(0, 0, 3, MILD, effects[4])).priceMicro();
    assertEquals(withoutEvent + storm.effectMicro(), withEvent);
    assertEquals(1, book.effectsOn(5).get(0).remainingDays(), "one more close after day 5");
  }

  @Test
  void aRepeatedEventIdCountsOnce() {
    EventBook book = new EventBook(EventCatalog.defaults());
    assertFalse(book.accept("x", EventKind.WAR, "a", 1, Instant.EPOCH).duplicate());
    assertTrue(book.accept("x", EventKind.WAR, "a", 2, Instant.EPOCH).duplicate());
    assertEquals(1, book.effectsOn(1).size());
    assertEquals(
        EventCatalog.defaults().spec(EventKind.WAR).effectMicro(),
        book.effectsOn(1).get(0).effectMicro());
  }

  @Test
  void boundsHoldTheFloorAndCap() {
    PriceUpdate low = model.next(20_000, new PriceInputs(0, 10_000_000, 1, MILD, -500_000));
    assertEquals(20_000, low.priceMicro());
    assertTrue(low.bounded());
    PriceUpdate high = model.next(1_400_000, new PriceInputs(10_000_000, 0, 1, MILD, 500_000));
    assertEquals(1_500_000, high.priceMicro());
    assertTrue(high.bounded());
  }

  /**
   * A simulated year with plausible inputs (course-project production and consumption ranges, a
   * seasonal temperature with noise, random events at their daily probabilities): the price sits on
   * its floor or cap on fewer than 2% of days.
   */
  @Test
  void overAYearThePriceRarelySitsOnABound() {
    for (long seed = 1; seed <= 20; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      EventBook book = new EventBook(EventCatalog.defaults());
      EventKind[] kinds = EventKind.values();
      double[] dailyProbability = {0.02, 0.003, 0.01, 0.03, 0.02};
      int homes = 100;
      long price = PriceParameters.DEFAULTS.initialMicro();
      int boundedDays = 0;
      double temperature = 15;
      for (int day = 1; day <= 365; day++) {
        double seasonal = 12 - 13 * Math.cos(2 * Math.PI * (day - 20) / 365.0);
        temperature = Math.max(-15, Math.min(40, seasonal + random.nextDouble(-6, 6)));
        long bought = 0;
        long sold = 0;
        for (int home = 0; home < homes; home++) {
          long produced = random.nextLong(20_000, 80_001);
          long consumed =
              random.nextLong(6_000, 60_001)
                  + Math.round(1_000 * PriceParameters.DEFAULTS.degreesOutsideComfort(temperature));
          long net = produced - consumed;
          if (net > 0) {
            sold += net / 2; // about half the surplus is given away, the rest sold
          } else {
            bought += -net / 2; // about half the deficit is covered by gifts
          }
        }
        for (int k = 0; k < kinds.length; k++) {
          if (random.nextDouble() < dailyProbability[k]) {
            book.accept(seed + "-" + day + "-" + k, kinds[k], "test", day, Instant.EPOCH);
          }
        }
        long events = book.effectsOn(day).stream().mapToLong(ActiveEffect::effectMicro).sum();
        PriceUpdate update =
            model.next(price, new PriceInputs(bought, sold, homes, temperature, events));
        boundedDays += update.bounded() ? 1 : 0;
        price = update.priceMicro();
      }
      assertTrue(
          boundedDays < 0.02 * 365,
          "seed " + seed + ": price on a bound on " + boundedDays + " of 365 days");
    }
  }
}

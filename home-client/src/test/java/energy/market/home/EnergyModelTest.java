package energy.market.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EnergyModelTest {
  private final EnergyModel model = new EnergyModel(7, HomeParameters.DEFAULTS);

  @Test
  void aHomesDrawDependsOnlyOnSeedNameAndDay() {
    EnergyDraw first = model.draw("alice", 3, 18);
    model.draw("bob", 3, 18);
    model.draw("alice", 2, 18);
    assertEquals(first, new EnergyModel(7, HomeParameters.DEFAULTS).draw("alice", 3, 18));
    assertNotEquals(first, model.draw("alice", 4, 18));
    assertNotEquals(first, model.draw("bob", 3, 18));
    assertNotEquals(first, new EnergyModel(8, HomeParameters.DEFAULTS).draw("alice", 3, 18));
  }

  @Test
  void drawsStayInTheCourseProjectRanges() {
    for (int day = 1; day <= 2000; day++) {
      EnergyDraw draw = model.draw("h", day, 18);
      assertTrue(draw.producedWh() >= 20_000 && draw.producedWh() <= 80_000);
      assertTrue(draw.consumedWh() >= 6_000 && draw.consumedWh() <= 60_000);
    }
  }

  @Test
  void coldAndHotDaysRaiseConsumptionByTheDegreesOutsideTheComfortBand() {
    EnergyDraw mild = model.draw("h", 9, 18);
    EnergyDraw cold = model.draw("h", 9, 5);
    EnergyDraw hot = model.draw("h", 9, 30);
    assertEquals(mild.producedWh(), cold.producedWh());
    assertEquals(mild.consumedWh() + 10 * 1_000, cold.consumedWh());
    assertEquals(mild.consumedWh() + 8 * 800, hot.consumedWh());
  }

  @Test
  void badRangesAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new HomeParameters(50_000, 20_000, 6_000, 60_000, 1_000, 800, 15, 22));
    assertThrows(
        IllegalArgumentException.class,
        () -> new HomeParameters(-1, 20_000, 6_000, 60_000, 1_000, 800, 15, 22));
    assertThrows(
        IllegalArgumentException.class,
        () -> new HomeParameters(0, 20_000, 6_000, 60_000, 1_000, 800, 25, 22));
  }
}

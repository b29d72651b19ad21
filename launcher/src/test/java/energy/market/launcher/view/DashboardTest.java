package energy.market.launcher.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.launcher.model.DayRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardTest {
  @Test
  void showsTheLatestDayPriceTemperatureEventsEnergyHomesAndTickTime() {
    List<DayRecord> days = new ArrayList<>(Days.rising(5));
    days.add(Days.day(6, 190_000, "cold-snap"));

    String screen = String.join("\n", Dashboard.render("run x", 30, days, 100, 30, true));

    assertTrue(screen.startsWith("day 6 of 30   run x"), screen);
    assertTrue(screen.contains("price    0.190000 EUR/kWh (+0.001000)"), screen);
    assertTrue(screen.contains("temp     12.5 C"), screen);
    assertTrue(screen.contains("events   cold-snap (+0.010000, 2 days left)"), screen);
    assertTrue(screen.contains("energy   bought 6.0 kWh   sold 12.0 kWh   given 3.0 kWh"), screen);
    assertTrue(screen.contains("homes    8"), screen);
    assertTrue(screen.contains("tick     day 6 closed at 10:15:30.250 UTC"), screen);
  }

  @Test
  void fitsTheScreen() {
    List<String> lines =
        Dashboard.render("a long title ".repeat(10), 0, Days.rising(200), 50, 20, true);

    assertTrue(lines.size() <= 20, "at most the screen's height: " + lines.size());
    for (String line : lines) {
      assertTrue(line.length() <= 50, "at most the screen's width: " + line);
    }
  }

  @Test
  void beforeTheFirstDaySaysItIsWaiting() {
    List<String> lines = Dashboard.render("watch", 0, List.of(), 80, 24, false);

    assertTrue(lines.get(0).startsWith("waiting for the first day to close"), lines.get(0));
    assertEquals("homes    -", lines.get(lines.size() - 2));
  }

  @Test
  void aPlainLineSaysEverythingAboutTheDay() {
    assertEquals(
        "day 2: price 0.180000 EUR/kWh (+0.001000), 12.5 C, 8 homes, bought 2.0 kWh, sold 4.0"
            + " kWh, given 1.0 kWh, events storm",
        DayLine.of(Days.day(2, 180_000, "storm")));
  }
}

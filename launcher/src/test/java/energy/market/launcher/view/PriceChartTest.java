package energy.market.launcher.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.launcher.model.DayRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceChartTest {
  @Test
  void drawsOneColumnPerDayWithTheHighestPriceReachingTheTop() {
    List<String> lines = PriceChart.render(Days.rising(20), 80, 8, true);

    assertEquals(8 + 3, lines.size());
    String top = lines.get(0);
    assertTrue(top.endsWith("\u2588"), "the newest, highest bar fills the top row: " + top);
    String bottom = lines.get(7);
    assertEquals(20, bottom.substring(9).length(), "one column per day: " + bottom);
    assertTrue(lines.get(9).contains("day 1 ") && lines.get(9).endsWith("day 20"), lines.get(9));
  }

  @Test
  void labelsTheScaleFromTheBottomUp() {
    List<String> lines = PriceChart.render(Days.rising(10), 80, 6, false);

    assertTrue(
        lines.get(5).matches(" *0\\.\\d+\\+.*"), "the lowest row is labelled: " + lines.get(5));
    assertTrue(lines.get(4).startsWith("        |"), lines.get(4));
    assertTrue(lines.get(0).startsWith("  0.1800+") || lines.get(1).contains("+"), lines.get(0));
  }

  @Test
  void showsOnlyTheLatestDaysThatFit() {
    List<String> lines = PriceChart.render(Days.rising(100), 40, 4, false);

    assertEquals(40 - 10, lines.get(3).substring(9).length());
    assertTrue(lines.get(5).contains("day 71") && lines.get(5).contains("day 100"), lines.get(5));
  }

  @Test
  void marksTheDaysWithActiveEvents() {
    List<DayRecord> days =
        List.of(
            Days.day(1, 170_000, null), Days.day(2, 180_000, "storm"), Days.day(3, 175_000, null));

    List<String> lines = PriceChart.render(days, 80, 4, false);

    assertEquals(" ^ event  ^", lines.get(lines.size() - 1));
  }

  @Test
  void aFlatPriceSitsMidHeightAndPlainAsciiUsesNoOtherCharacters() {
    List<DayRecord> days = List.of(Days.day(1, 170_000, null), Days.day(2, 170_000, null));

    List<String> lines = PriceChart.render(days, 60, 10, false);

    assertTrue(lines.get(0).endsWith("|  "), "no bar in the top row: " + lines.get(0));
    assertTrue(lines.get(9).endsWith("##"), lines.get(9));
    for (String line : lines) {
      assertTrue(line.chars().allMatch(c -> c < 128), "ASCII only: " + line);
    }
  }

  @Test
  void noDaysGiveAnEmptyChart() {
    List<String> lines = PriceChart.render(List.of(), 60, 4, true);

    assertEquals(7, lines.size());
    assertEquals("        |", lines.get(0));
  }
}

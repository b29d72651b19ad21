package energy.market.weather.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WeatherModelTest {
  private static final int TEN_YEARS = 3650;

  @Test
  void sameSeedGivesTheSameSeriesWhateverTheOrderDaysAreAskedIn() {
    WeatherModel inOrder = new WeatherModel(42, WeatherParameters.DEFAULTS);
    WeatherModel backwards = new WeatherModel(42, WeatherParameters.DEFAULTS);
    double[] expected = new double[TEN_YEARS + 1];
    for (int day = 1; day <= TEN_YEARS; day++) {
      expected[day] = inOrder.temperatureFor(day);
    }
    for (int day = TEN_YEARS; day >= 1; day--) {
      assertEquals(expected[day], backwards.temperatureFor(day), "day " + day);
    }
  }

  @Test
  void differentSeedsGiveDifferentSeries() {
    WeatherModel one = new WeatherModel(1, WeatherParameters.DEFAULTS);
    WeatherModel two = new WeatherModel(2, WeatherParameters.DEFAULTS);
    int same = 0;
    for (int day = 1; day <= 100; day++) {
      if (one.temperatureFor(day) == two.temperatureFor(day)) {
        same++;
      }
    }
    assertTrue(same < 30, "seeds 1 and 2 agree on " + same + " of 100 days");
  }

  @Test
  void tenYearsStayWithinTheCourseProjectBounds() {
    for (long seed = 1; seed <= 20; seed++) {
      WeatherModel model = new WeatherModel(seed, WeatherParameters.DEFAULTS);
      double first = model.temperatureFor(1);
      assertTrue(first >= 0 && first <= 30, "seed " + seed + " starts at " + first);
      double previous = first;
      for (int day = 2; day <= TEN_YEARS; day++) {
        double t = model.temperatureFor(day);
        assertTrue(t >= -15 && t <= 40, "seed " + seed + " day " + day + ": " + t);
        assertTrue(
            Math.abs(t - previous) <= 6 + 1e-9,
            "seed " + seed + " day " + day + " changes by " + (t - previous));
        assertEquals(Math.round(t * 10) / 10.0, t, "seed " + seed + " day " + day + " rounded");
        previous = t;
      }
    }
  }

  @Test
  void summerIsWarmerThanWinter() {
    WeatherModel model = new WeatherModel(7, WeatherParameters.DEFAULTS);
    double summer = 0;
    double winter = 0;
    int n = 0;
    for (int year = 0; year < 10; year++) {
      for (int offset = -30; offset <= 30; offset++) {
        summer += model.temperatureFor(year * 365 + 196 + offset);
        winter += model.temperatureFor(year * 365 + 14 + offset + 365);
        n++;
      }
    }
    summer /= n;
    winter /= n;
    assertTrue(summer > winter + 10, "summer mean " + summer + " vs winter mean " + winter);
  }

  @Test
  void usesTheWholeDailyChangeRangeButNoMore() {
    WeatherParameters tight = new WeatherParameters(10, 10, 0.5, -15, 40, 10, 0, 365, 1, 0, 3);
    WeatherModel model = new WeatherModel(3, tight);
    assertEquals(10.0, model.temperatureFor(1));
    double largest = 0;
    for (int day = 2; day <= 1000; day++) {
      largest =
          Math.max(largest, Math.abs(model.temperatureFor(day) - model.temperatureFor(day - 1)));
    }
    assertEquals(0.5, largest, 1e-9);
  }

  @Test
  void dayOutOfRangeIsRefused() {
    WeatherModel model = new WeatherModel(1, WeatherParameters.DEFAULTS);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> model.temperatureFor(0));
    assertEquals("day 0 is out of range 1..10000000", e.getMessage());
    assertNotEquals(Double.NaN, model.temperatureFor(1));
  }
}

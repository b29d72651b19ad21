package energy.market.weather.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WeatherParametersTest {

  private static String error(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void defaultsAreTheCourseProjectBounds() {
    WeatherParameters p = WeatherParameters.DEFAULTS;
    assertEquals(0, p.startMin());
    assertEquals(30, p.startMax());
    assertEquals(6, p.maxDailyChange());
    assertEquals(-15, p.minCelsius());
    assertEquals(40, p.maxCelsius());
  }

  @Test
  void inconsistentValuesAreRefusedWithAOneLineReason() {
    assertEquals(
        "start min 31.0 C must not be above start max 30.0 C",
        error(() -> new WeatherParameters(31, 30, 6, -15, 40, 12, 10, 365, 196, 0.2, 4)));
    assertEquals(
        "start range 0.0..45.0 C must lie within the bounds -15.0..40.0 C",
        error(() -> new WeatherParameters(0, 45, 6, -15, 40, 12, 10, 365, 196, 0.2, 4)));
    assertEquals(
        "min temperature 40.0 C must be below max temperature 40.0 C",
        error(() -> new WeatherParameters(40, 40, 6, 40, 40, 12, 10, 365, 196, 0.2, 4)));
    assertEquals(
        "temperature bounds -100.0..40.0 C must lie within -90..60 C, the range the market accepts",
        error(() -> new WeatherParameters(0, 30, 6, -100, 40, 12, 10, 365, 196, 0.2, 4)));
    assertEquals(
        "max daily change 0.0 C must be at least 0.1 C",
        error(() -> new WeatherParameters(0, 30, 0, -15, 40, 12, 10, 365, 196, 0.2, 4)));
    assertEquals(
        "warmest day 400 must be in 1..365 (the season length)",
        error(() -> new WeatherParameters(0, 30, 6, -15, 40, 12, 10, 365, 400, 0.2, 4)));
    assertEquals(
        "reversion 1.5 must be in 0..1",
        error(() -> new WeatherParameters(0, 30, 6, -15, 40, 12, 10, 365, 196, 1.5, 4)));
    assertEquals(
        "noise must be a finite number, got NaN",
        error(() -> new WeatherParameters(0, 30, 6, -15, 40, 12, 10, 365, 196, 0.2, Double.NaN)));
    assertEquals(
        "start range 0.01..0.02 C must contain a multiple of 0.1 C (temperatures are rounded to"
            + " 0.1 C)",
        error(() -> new WeatherParameters(0.01, 0.02, 6, -15, 40, 12, 10, 365, 196, 0.2, 4)));
  }
}

package energy.market.home;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The day lines' numbers read as {@code String.format} with {@code Locale.ROOT} writes them. */
class DayLineNumbersTest {
  private static final long[] EDGES = {
    0, 1, -1, 9, -9, 10, 999, -999, 1_000, -1_000, 1_001, 999_999, -999_999, 1_000_000, 123_456_789
  };

  @Test
  void amountsMatchTheFormatterAtTheEdgesOfTheirDecimals() {
    for (long units : EDGES) {
      assertSameAsFormatter(units);
    }
  }

  @Test
  void amountsMatchTheFormatterForManyValues() {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      assertSameAsFormatter(random.nextLong() % 100_000_000_000L);
    }
  }

  @Test
  void temperaturesMatchTheFormatterIncludingHalfwayValues() {
    Random random = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      // Two decimals, so that every fifth value is exactly halfway between two printed ones.
      double celsius = (random.nextInt(12_000) - 4_000) / 100.0;
      if (Math.abs(celsius) < 0.05) {
        continue; // the formatter prints "-0.0" for small negatives; see the next test
      }
      assertEquals(
          String.format(Locale.ROOT, "%.1f", celsius),
          DayLineNumbers.celsius(celsius),
          "celsius " + celsius);
    }
  }

  @Test
  void aTemperatureThatRoundsToZeroIsZeroWithoutASign() {
    assertEquals("0.0", DayLineNumbers.celsius(-0.04));
    assertEquals("0.0", DayLineNumbers.celsius(0.04));
    assertEquals("-0.1", DayLineNumbers.celsius(-0.05));
  }

  private static void assertSameAsFormatter(long units) {
    assertEquals(
        String.format(Locale.ROOT, "%.3f", units / 1000.0),
        DayLineNumbers.kwh(units),
        "kWh " + units);
    assertEquals(
        String.format(Locale.ROOT, "%+.3f", units / 1000.0),
        DayLineNumbers.signedKwh(units),
        "signed kWh " + units);
    assertEquals(
        String.format(Locale.ROOT, "%+.6f", units / 1e6),
        DayLineNumbers.signedEur(units),
        "EUR " + units);
  }
}

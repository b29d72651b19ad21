package energy.market.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FixedPointTest {
  @Test
  void writesEveryDecimalOfTheScaleWithoutALocale() {
    assertEquals("1.234", FixedPoint.text(1_234, 3));
    assertEquals("-0.050", FixedPoint.text(-50, 3));
    assertEquals("0.170000", FixedPoint.text(170_000, 6));
    assertEquals("-9223372036854.775808", FixedPoint.text(Long.MIN_VALUE, 6));
  }

  @Test
  void signsZeroAndAboveWithAPlus() {
    assertEquals("+0.000", FixedPoint.signedText(0, 3));
    assertEquals("+0.010000", FixedPoint.signedText(10_000, 6));
    assertEquals("-0.000001", FixedPoint.signedText(-1, 6));
  }
}

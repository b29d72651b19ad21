package energy.market.server.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextRulesTest {
  /** The rule as the README states it, as a regular expression. */
  private static final Pattern STATED =
      Pattern.compile("[A-Za-z0-9._:/@+=-]{1," + TextRules.MAX_ID + "}");

  @Test
  void anIdIsOneToMaxIdOfTheListedCharacters() {
    assertTrue(TextRules.isId("alice/2/sell"));
    assertTrue(TextRules.isId("a.b_c-d:e/f@g+h=i0Z9"));
    assertTrue(TextRules.isId("x".repeat(TextRules.MAX_ID)));
    assertFalse(TextRules.isId(""));
    assertFalse(TextRules.isId("x".repeat(TextRules.MAX_ID + 1)));
    assertFalse(TextRules.isId("two words"));
    assertFalse(TextRules.isId("caf\u00e9"));
    assertFalse(TextRules.isId("line\nbreak"));
  }

  @Test
  void theCheckAgreesWithTheStatedRuleOnManyStrings() {
    SplittableRandom random = new SplittableRandom(14);
    String alphabet = "aZ09._-:/@+= \t\u00e9\u0000#,;'\"\\*?%&!~`|<>[]{}()$^";
    for (int n = 0; n < 100_000; n++) {
      int length = random.nextInt(TextRules.MAX_ID + 3);
      StringBuilder text = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        text.append(
            random.nextInt(4) == 0
                ? (char) random.nextInt(0x250)
                : alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String candidate = text.toString();
      assertEquals(STATED.matcher(candidate).matches(), TextRules.isId(candidate), candidate);
    }
  }

  @Test
  void aRefusedRequestIdIsNamedWithWhatIsAllowed() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> TextRules.requestId("no spaces"));
    assertEquals(
        "request id 'no spaces' is not allowed; send 1 to 128 " + TextRules.ID_CHARACTERS,
        refused.getMessage());
    assertEquals("", TextRules.requestId(""));
    assertEquals("ok-1", TextRules.requestId("ok-1"));
  }
}

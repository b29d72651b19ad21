package energy.market.server.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuoteTest {
  @Test
  void aPrefixIsShortEscapedAndSaysHowLongTheInputWas() {
    assertEquals("'alice'", Quote.prefix("alice"));
    assertEquals("'a\\u000ab'", Quote.prefix("a\nb"));
    String quoted = Quote.prefix("x".repeat(10_000_000));
    assertEquals("'" + "x".repeat(32) + "'... (10000000 characters)", quoted);
  }

  @Test
  void aMessageStaysUnder512BytesWhateverItCarries() {
    String message = Quote.message("name " + "\u0416".repeat(100_000) + " is bad");
    assertTrue(message.getBytes(StandardCharsets.UTF_8).length < 512, message);
    assertTrue(message.endsWith("..."), message);
    assertEquals("plain text", Quote.message("plain text"));
  }

  @Test
  void idsAreBoundedToTheirCharacters() {
    assertEquals("", TextRules.requestId(""));
    assertEquals("alice/3/sell", TextRules.requestId("alice/3/sell"));
    assertThrows(IllegalArgumentException.class, () -> TextRules.requestId("r".repeat(129)));
    assertThrows(IllegalArgumentException.class, () -> TextRules.requestId("a b"));
    assertThrows(IllegalArgumentException.class, () -> TextRules.eventId(""));
    assertThrows(IllegalArgumentException.class, () -> TextRules.source("a\nb"));
    assertEquals("SIGUSR1 to pid 42", TextRules.source("SIGUSR1 to pid 42"));
  }
}

package energy.market.server.input;

/**
 * The lengths and characters allowed in the text fields the market stores: request ids and event
 * ids (stored with every trade and event, so short and plain) and event sources (free text for
 * people, but no control characters that would break a log line). A refusal quotes only a short,
 * escaped prefix of the input.
 */
public final class TextRules {
  /** The longest request id or event id. */
  public static final int MAX_ID = 128;

  /** The longest event source. */
  public static final int MAX_SOURCE = 256;

  /** The characters of an id, as the README lists them. */
  public static final String ID_CHARACTERS =
      "letters, digits, '.', '_', '-', ':', '/', '@', '+', '='";

  private TextRules() {}

  /**
   * A trade's request id: empty for none, else 1 to {@link #MAX_ID} id characters.
   *
   * @throws IllegalArgumentException for any other
   */
  public static String requestId(String requestId) {
    if (requestId == null || requestId.isEmpty()) {
      return "";
    }
    return id("request id", requestId);
  }

  /**
   * An event's id: 1 to {@link #MAX_ID} id characters.
   *
   * @throws IllegalArgumentException for any other, or none
   */
  public static String eventId(String eventId) {
    if (eventId == null || eventId.isEmpty()) {
      throw new IllegalArgumentException(
          "event id is missing; send 1 to " + MAX_ID + " " + ID_CHARACTERS);
    }
    return id("event id", eventId);
  }

  /**
   * An event's source: at most {@link #MAX_SOURCE} characters, none of them a control character.
   *
   * @throws IllegalArgumentException for any other
   */
  public static String source(String source) {
    if (source == null) {
      return "";
    }
    if (source.length() > MAX_SOURCE || source.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "event source "
              + Quote.prefix(source)
              + " is not allowed; send at most "
              + MAX_SOURCE
              + " characters, no control characters");
    }
    return source;
  }

  private static String id(String what, String id) {
    if (!isId(id)) {
      throw new IllegalArgumentException(
          what
              + " "
              + Quote.prefix(id)
              + " is not allowed; send 1 to "
              + MAX_ID
              + " "
              + ID_CHARACTERS);
    }
    return id;
  }

  /**
   * Whether {@code text} is 1 to {@link #MAX_ID} of the {@link #ID_CHARACTERS}. A loop rather than
   * a regular expression: every unary trade's request id passes here, on the transport's thread.
   */
  static boolean isId(String text) {
    if (text.isEmpty() || text.length() > MAX_ID) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (!isIdCharacter(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIdCharacter(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '-'
        || c == ':'
        || c == '/'
        || c == '@'
        || c == '+'
        || c == '=';
  }
}

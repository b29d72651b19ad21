package energy.market.server.input;

/**
 * Quotes client input in messages, and keeps whole messages short: a message sent back in a status
 * or written to the log must never carry an input whole (a 60 MB name would jam the client and the
 * market's memory), nor characters that break a terminal or a log line.
 */
public final class Quote {
  /** The most characters of an input a message quotes. */
  public static final int MAX_QUOTED = 32;

  /**
   * The most characters a status message keeps; escaped, so also its most bytes, and well under the
   * 512 bytes the contract promises.
   */
  public static final int MAX_MESSAGE = 400;

  private Quote() {}

  /**
   * An input as a message shows it: in single quotes, at most {@link #MAX_QUOTED} characters,
   * control and non-ASCII characters escaped, and its length when it was cut.
   */
  public static String prefix(String input) {
    if (input == null) {
      return "(none)";
    }
    int shown = Math.min(input.length(), MAX_QUOTED);
    StringBuilder quoted = new StringBuilder("'");
    escape(input, shown, quoted);
    quoted.append('\'');
    if (shown < input.length()) {
      quoted.append("... (").append(input.length()).append(" characters)");
    }
    return quoted.toString();
  }

  /**
   * A message made safe to send: escaped like {@link #prefix} and cut to {@link #MAX_MESSAGE}
   * characters, so no path can echo an input whole, whatever its message was built from.
   */
  public static String message(String message) {
    if (message == null) {
      return null;
    }
    StringBuilder safe = new StringBuilder(Math.min(message.length(), MAX_MESSAGE) + 8);
    escape(message, message.length(), safe);
    if (safe.length() > MAX_MESSAGE) {
      safe.setLength(MAX_MESSAGE - 3);
      safe.append("...");
    }
    return safe.toString();
  }

  /** Appends the first {@code count} characters, escaped, stopping once past the message limit. */
  private static void escape(String text, int count, StringBuilder out) {
    for (int i = 0; i < count && out.length() <= MAX_MESSAGE; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
  }
}

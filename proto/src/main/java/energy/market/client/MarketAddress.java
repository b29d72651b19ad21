package energy.market.client;

/** A market's {@code host:port}, parsed with errors that say what is allowed. */
public record MarketAddress(String host, int port) {

  /** The market's default port. */
  public static final int DEFAULT_PORT = 50051;

  /** The address a process uses when none is given. */
  public static final MarketAddress DEFAULT = new MarketAddress("localhost", DEFAULT_PORT);

  public MarketAddress {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("market host is empty; expected host:port");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("market port " + port + " is out of range 1..65535");
    }
  }

  /**
   * Parses {@code host:port}, {@code [ipv6]:port} or a bare host (default port).
   *
   * @throws IllegalArgumentException when the text is not such an address
   */
  public static MarketAddress parse(String text) {
    String value = text == null ? "" : text.trim();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("market address is empty; expected host:port");
    }
    String host;
    String portText;
    if (value.startsWith("[")) {
      int close = value.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException(
            "market address '" + text + "' has no closing ']'; expected [ipv6]:port");
      }
      host = value.substring(1, close);
      String rest = value.substring(close + 1);
      portText = rest.startsWith(":") ? rest.substring(1) : rest.isEmpty() ? null : rest;
    } else {
      int colon = value.lastIndexOf(':');
      if (colon >= 0 && value.indexOf(':') != colon) {
        throw new IllegalArgumentException(
            "market address '" + text + "' looks like a bare IPv6 address; write [addr]:port");
      }
      host = colon < 0 ? value : value.substring(0, colon);
      portText = colon < 0 ? null : value.substring(colon + 1);
    }
    if (portText == null) {
      return new MarketAddress(host, DEFAULT_PORT);
    }
    try {
      return new MarketAddress(host, Integer.parseInt(portText));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "market port '" + portText + "' in '" + text + "' is not a number 1..65535");
    }
  }

  /** The gRPC target string for this address. */
  public String target() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return target();
  }
}

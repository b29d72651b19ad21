package energy.market.server.trade;

/** Work was refused because a bounded queue is full; the caller may retry later. */
public final class OverloadedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OverloadedException(String message) {
    super(message);
  }
}

package energy.market.server.engine;

/**
 * The market is stopping and takes no more work: nothing of the request was done, or what was done
 * is kept, and the same request to the market once it runs again is safe (every request the market
 * keeps is idempotent), so a client retries it later.
 */
public final class MarketStoppingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MarketStoppingException() {
    super("the market is shutting down; retry once it runs again");
  }
}

package energy.market.server.engine;

import energy.market.model.Side;

/**
 * One trade inside a session's batch, or one unary trade.
 *
 * @param homeId the home
 * @param side buy or sell
 * @param amountWh the energy
 * @param requestId the client's id, which makes a resent order count once (empty for none)
 */
public record TradeOrder(long homeId, Side side, long amountWh, String requestId) {
  /** The longest request id the market keeps; ids are stored with every trade. */
  public static final int MAX_REQUEST_ID = 128;

  /**
   * @throws IllegalArgumentException for a missing side or a request id over {@link
   *     #MAX_REQUEST_ID} characters
   */
  public TradeOrder {
    if (side == null) {
      throw new IllegalArgumentException("trade side is missing; allowed: BUY, SELL");
    }
    requestId = requestId == null ? "" : requestId;
    if (requestId.length() > MAX_REQUEST_ID) {
      throw new IllegalArgumentException(
          "request id has "
              + requestId.length()
              + " characters; at most "
              + MAX_REQUEST_ID
              + " are allowed");
    }
  }
}

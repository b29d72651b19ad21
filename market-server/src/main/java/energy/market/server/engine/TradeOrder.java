package energy.market.server.engine;

import energy.market.model.Side;
import energy.market.server.input.TextRules;

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
  public static final int MAX_REQUEST_ID = TextRules.MAX_ID;

  /**
   * @throws IllegalArgumentException for a missing side or a request id that {@link
   *     TextRules#requestId} refuses
   */
  public TradeOrder {
    if (side == null) {
      throw new IllegalArgumentException("trade side is missing; allowed: BUY, SELL");
    }
    requestId = TextRules.requestId(requestId);
  }
}

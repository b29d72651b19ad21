package energy.market.home;

import energy.market.model.Side;

/**
 * A trade a home asks for during TRADE.
 *
 * @param homeId the home
 * @param side buy or sell
 * @param amountWh the energy
 * @param requestId an id stable across resends, so a resent order counts once
 */
public record TradeIntent(long homeId, Side side, long amountWh, String requestId) {}

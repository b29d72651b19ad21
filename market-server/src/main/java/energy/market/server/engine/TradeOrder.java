package energy.market.server.engine;

import energy.market.model.Side;

/**
 * One trade inside a session's batch.
 *
 * @param homeId the home
 * @param side buy or sell
 * @param amountWh the energy
 * @param requestId the client's id, which makes a resent order count once
 */
public record TradeOrder(long homeId, Side side, long amountWh, String requestId) {}

package energy.market.server.engine;

/**
 * A trade order the market refused.
 *
 * @param homeId the home
 * @param requestId the order's request id
 * @param reason why, for people
 */
public record TradeRejection(long homeId, String requestId, String reason) {}

package energy.market.server.day;

/**
 * What the broker did for one home.
 *
 * @param homeId the home
 * @param givenWh energy of its offer that others took
 * @param receivedWh energy it received
 * @param returnedWh energy of its offer nobody took
 */
public record GiftOutcome(long homeId, long givenWh, long receivedWh, long returnedWh) {}

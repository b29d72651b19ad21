package energy.market.server.day;

/**
 * An offer or a claim in the broker queue.
 *
 * @param homeId the home
 * @param homeName its name, which fixes the matching order together with the seed and day
 * @param amountWh the energy offered or claimed
 */
public record GiftOrder(long homeId, String homeName, long amountWh) {}

package energy.market.server.day;

/**
 * A home's day as it stands when GIFT closes: what it declared and what the broker did with its
 * offer and claim. The ledger keeps it until the day closes, so a market that restarts in the
 * middle of the day resumes it with the same gifts (and the trades made on them still fit).
 *
 * @param homeId the home
 * @param producedWh energy produced
 * @param consumedWh energy consumed
 * @param offeredWh energy offered as gifts
 * @param claimedWh energy claimed from gifts
 * @param givenWh energy of its offer that others took
 * @param receivedWh energy it received
 * @param returnedWh energy of its offer nobody took
 */
public record Declaration(
    long homeId,
    long producedWh,
    long consumedWh,
    long offeredWh,
    long claimedWh,
    long givenWh,
    long receivedWh,
    long returnedWh) {}

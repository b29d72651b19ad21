package energy.market.server.engine;

/**
 * One home's GIFT-phase declaration inside a session's batch.
 *
 * @param homeId the home
 * @param producedWh energy produced
 * @param consumedWh energy consumed
 * @param offerWh energy offered as a gift (0 for none)
 * @param claimWh energy claimed from gifts (0 for none)
 */
public record HomeReport(
    long homeId, long producedWh, long consumedWh, long offerWh, long claimWh) {}

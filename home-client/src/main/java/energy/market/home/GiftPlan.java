package energy.market.home;

/**
 * What a home tells the market during GIFT.
 *
 * @param homeId the home
 * @param producedWh energy produced today
 * @param consumedWh energy consumed today
 * @param offerWh surplus offered as a gift
 * @param claimWh deficit claimed from gifts
 */
public record GiftPlan(long homeId, long producedWh, long consumedWh, long offerWh, long claimWh) {}

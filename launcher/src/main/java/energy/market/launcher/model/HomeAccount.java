package energy.market.launcher.model;

/**
 * A home's account at the end of a run. Energy in Wh, money in micro-euros.
 *
 * @param name the home's name
 * @param policy its trade policy's label, for example {@code always-sell}
 * @param producedWh energy produced
 * @param consumedWh energy consumed
 * @param givenWh energy given to neighbours
 * @param receivedWh energy received from neighbours
 * @param soldWh energy sold to the market
 * @param boughtWh energy bought from the market
 * @param wastedWh surplus neither given nor sold
 * @param shortfallWh deficit neither received nor bought: demand left unmet
 * @param paidMicro money paid for energy bought
 * @param earnedMicro money earned for energy sold
 * @param balanceMicro earned minus paid
 */
public record HomeAccount(
    String name,
    String policy,
    long producedWh,
    long consumedWh,
    long givenWh,
    long receivedWh,
    long soldWh,
    long boughtWh,
    long wastedWh,
    long shortfallWh,
    long paidMicro,
    long earnedMicro,
    long balanceMicro) {}

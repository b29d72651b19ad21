package energy.market.server.day;

/**
 * One home's settled day, in Wh and micro-euros.
 *
 * @param homeId the home
 * @param day the day
 * @param declared whether the home declared the day (false: it did not take part)
 * @param producedWh energy produced
 * @param consumedWh energy consumed
 * @param offeredWh energy offered as gifts
 * @param claimedWh energy claimed from gifts
 * @param givenWh energy of its offer that others took
 * @param receivedWh energy received from others
 * @param returnedWh energy of its offer nobody took
 * @param soldWh energy sold
 * @param boughtWh energy bought
 * @param wastedWh surplus neither given nor sold
 * @param shortfallWh deficit neither received nor bought
 * @param paidMicro money paid for energy bought
 * @param earnedMicro money earned for energy sold
 */
public record HomeDaySummary(
    long homeId,
    long day,
    boolean declared,
    long producedWh,
    long consumedWh,
    long offeredWh,
    long claimedWh,
    long givenWh,
    long receivedWh,
    long returnedWh,
    long soldWh,
    long boughtWh,
    long wastedWh,
    long shortfallWh,
    long paidMicro,
    long earnedMicro) {

  /**
   * True when energy balances: produced + received + bought + shortfall = consumed + given + sold +
   * wasted, with nothing negative.
   */
  public boolean energyBalances() {
    boolean nonNegative =
        producedWh >= 0
            && consumedWh >= 0
            && givenWh >= 0
            && receivedWh >= 0
            && returnedWh >= 0
            && soldWh >= 0
            && boughtWh >= 0
            && wastedWh >= 0
            && shortfallWh >= 0;
    return nonNegative
        && producedWh + receivedWh + boughtWh + shortfallWh
            == consumedWh + givenWh + soldWh + wastedWh
        && offeredWh == givenWh + returnedWh;
  }
}

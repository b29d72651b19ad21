package energy.market.server.day;

/**
 * A home's totals over every closed day it took part in, in Wh and micro-euros.
 *
 * @param homeId the home
 * @param producedWh energy produced
 * @param consumedWh energy consumed
 * @param givenWh energy given to others
 * @param receivedWh energy received from others
 * @param soldWh energy sold
 * @param boughtWh energy bought
 * @param wastedWh surplus neither given nor sold
 * @param shortfallWh deficit neither received nor bought
 * @param paidMicro money paid
 * @param earnedMicro money earned
 * @param days days taken part in
 */
public record Account(
    long homeId,
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
    long days) {

  /** An empty account. */
  public static Account empty(long homeId) {
    return new Account(homeId, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  /** Money balance: earned minus paid, micro-euros. */
  public long balanceMicro() {
    return earnedMicro - paidMicro;
  }

  /** This account with one more settled day added. */
  public Account plus(HomeDaySummary day) {
    return new Account(
        homeId,
        producedWh + day.producedWh(),
        consumedWh + day.consumedWh(),
        givenWh + day.givenWh(),
        receivedWh + day.receivedWh(),
        soldWh + day.soldWh(),
        boughtWh + day.boughtWh(),
        wastedWh + day.wastedWh(),
        shortfallWh + day.shortfallWh(),
        paidMicro + day.paidMicro(),
        earnedMicro + day.earnedMicro(),
        days + (day.declared() ? 1 : 0));
  }

  /** True when the totals balance as every single day does. */
  public boolean energyBalances() {
    return producedWh + receivedWh + boughtWh + shortfallWh
        == consumedWh + givenWh + soldWh + wastedWh;
  }
}

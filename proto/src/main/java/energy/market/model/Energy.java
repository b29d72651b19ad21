package energy.market.model;

/**
 * Exact units and the one conversion between energy, price and money.
 *
 * <p>Energy is in Wh, money in micro-euros, prices in micro-euros per kWh, so a trade of {@code wh}
 * at {@code price} costs {@code wh * price / 1000} micro-euros, rounded half up. Rounding happens
 * once per trade and both sides of the trade use the same figure, so money is conserved.
 */
public final class Energy {
  /** The largest amount one trade, offer or declaration may carry: 1 GWh. */
  public static final long MAX_WH = 1_000_000_000L;

  private Energy() {}

  /** The money for {@code wh} at {@code priceMicroPerKwh}, micro-euros, rounded half up. */
  public static long cost(long wh, long priceMicroPerKwh) {
    return Math.addExact(Math.multiplyExact(wh, priceMicroPerKwh), 500) / 1000;
  }

  /**
   * Checks an amount a home sends.
   *
   * @param what what the amount is, for the message ("trade amount")
   * @param wh the amount
   * @param allowZero whether zero is allowed
   * @throws IllegalArgumentException saying what is allowed
   */
  public static long requireAmount(String what, long wh, boolean allowZero) {
    long min = allowZero ? 0 : 1;
    if (wh < min || wh > MAX_WH) {
      throw new IllegalArgumentException(
          what + " " + wh + " Wh is out of range; allowed: " + min + ".." + MAX_WH + " Wh");
    }
    return wh;
  }
}

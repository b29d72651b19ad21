package energy.market.server.day;

import energy.market.server.price.PriceParameters;

/**
 * The most energy one home may declare as produced, and as consumed, in a day. Without it one home
 * could declare a gigawatt-hour and, through the price model's net-demand term, carry the price
 * from its floor to its cap in a day.
 *
 * @param maxWh the most a home may produce, and the most it may consume, in a day, Wh
 */
public record HomeCapacity(long maxWh) {
  /**
   * The default: 1,000 kWh a day, over five times the most a default home draws (at most 80 kWh of
   * production, 60 kWh of consumption plus its heating), unless the price model is so sensitive
   * that this would move the price by half its range.
   */
  public static final long DEFAULT_WH = 1_000_000L;

  public HomeCapacity {
    if (maxWh < 1) {
      throw new IllegalArgumentException(
          "home capacity " + maxWh + " Wh is not allowed; it must be at least 1 Wh");
    }
  }

  /** The default capacity for a price model: {@link #DEFAULT_WH}, or less for a sensitive model. */
  public static HomeCapacity defaultFor(PriceParameters price) {
    return new HomeCapacity(Math.max(1, Math.min(DEFAULT_WH, largestFor(price) / 2)));
  }

  /**
   * The capacity above which one home alone, as the only home of a day, could move the price from
   * floor to cap: the model moves the price by alpha-net per net kWh per home.
   */
  public static long largestFor(PriceParameters price) {
    double range = price.capMicro() - price.floorMicro();
    if (price.alphaNetMicroPerKwh() <= 0) {
      return energy.market.model.Energy.MAX_WH;
    }
    return (long)
        Math.min(energy.market.model.Energy.MAX_WH, range / price.alphaNetMicroPerKwh() * 1000);
  }

  /**
   * Checks a declaration against the capacity.
   *
   * @throws IllegalArgumentException when produced or consumed energy exceeds it
   */
  public void require(long producedWh, long consumedWh) {
    if (producedWh > maxWh || consumedWh > maxWh) {
      throw new IllegalArgumentException(
          (producedWh > maxWh ? "produced energy " + producedWh : "consumed energy " + consumedWh)
              + " Wh exceeds a home's daily capacity of "
              + maxWh
              + " Wh (the market's --home-capacity-wh)");
    }
  }
}

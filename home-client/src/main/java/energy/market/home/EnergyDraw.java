package energy.market.home;

/**
 * One home's energy for one day, Wh.
 *
 * @param producedWh energy produced
 * @param consumedWh energy consumed
 */
public record EnergyDraw(long producedWh, long consumedWh) {
  /** Produced minus consumed: positive is a surplus, negative a deficit. */
  public long netWh() {
    return producedWh - consumedWh;
  }
}

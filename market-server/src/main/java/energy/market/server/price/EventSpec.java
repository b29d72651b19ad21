package energy.market.server.price;

/**
 * How an event kind moves the price.
 *
 * @param effectMicro the effect on its first close, micro-EUR/kWh (signed)
 * @param durationDays how many closes it moves, fading linearly to nothing
 */
public record EventSpec(long effectMicro, int durationDays) {
  /** The longest an event may last. */
  public static final int MAX_DURATION_DAYS = 365;

  /** The largest effect, either way: 1 EUR/kWh. */
  public static final long MAX_EFFECT_MICRO = 1_000_000;

  public EventSpec {
    if (durationDays < 1 || durationDays > MAX_DURATION_DAYS) {
      throw new IllegalArgumentException(
          "event duration " + durationDays + " days is out of range 1.." + MAX_DURATION_DAYS);
    }
    if (Math.abs(effectMicro) > MAX_EFFECT_MICRO) {
      throw new IllegalArgumentException(
          "event effect "
              + effectMicro
              + " micro-EUR/kWh is out of range -"
              + MAX_EFFECT_MICRO
              + ".."
              + MAX_EFFECT_MICRO);
    }
  }

  /**
   * The effect on the close {@code age} days after the first (age 0 is the first close): the full
   * effect, then linearly less, rounded to whole micro-euros; zero once the event is over.
   */
  public long effectAtAge(long age) {
    if (age < 0 || age >= durationDays) {
      return 0;
    }
    return Math.round((double) effectMicro * (durationDays - age) / durationDays);
  }
}

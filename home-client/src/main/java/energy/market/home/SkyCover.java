package energy.market.home;

/**
 * The day's cloud cover, shared by every home (they live under the same sky), from (seed, day)
 * alone. Weather fronts last a few days, so a day's cover blends its own draw with the two days
 * before; each of them is drawn from its own stream, so any day is computed without the others.
 */
final class SkyCover {
  private static final double[] WEIGHTS = {0.5, 0.3, 0.2}; // today, yesterday, the day before

  private final DrawStreams streams;

  /** The last day computed: every home asks for the same day in turn. */
  private volatile DayCover last = new DayCover(Long.MIN_VALUE, 0);

  private record DayCover(long day, double cover) {}

  SkyCover(DrawStreams streams) {
    this.streams = streams;
  }

  /** The cloud cover of a day, 0 (clear) to 1 (overcast). */
  double cover(long day) {
    DayCover known = last;
    if (known.day() == day) {
      return known.cover();
    }
    double cover = compute(day);
    last = new DayCover(day, cover);
    return cover;
  }

  private double compute(long day) {
    double cover = 0;
    for (int back = 0; back < WEIGHTS.length; back++) {
      cover += WEIGHTS[back] * streams.day(day - back).nextDouble();
    }
    return cover;
  }
}

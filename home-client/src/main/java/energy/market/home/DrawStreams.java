package energy.market.home;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The random streams of the home models, each derived by hashing the seed with what it belongs to
 * (a home and a day, a home alone, or a day alone), never from a shared generator: a draw then
 * never depends on which process makes it or in what order.
 */
final class DrawStreams {
  // Keys that keep the per-home and per-day streams apart from the per-home-and-day ones.
  private static final long HOME_KEY = 0x484f4d4553495a45L; // "HOMESIZE"
  private static final long SKY_KEY = 0x534b59434f564552L; // "SKYCOVER"

  private final long seed;

  DrawStreams(long seed) {
    this.seed = seed;
  }

  /** The stream of one home on one day (the course model's only stream). */
  SplittableRandom homeDay(String homeName, long day) {
    return new SplittableRandom(
        Hashing.murmur3_128()
            .newHasher()
            .putLong(seed)
            .putString(homeName, StandardCharsets.UTF_8)
            .putLong(day)
            .hash()
            .asLong());
  }

  /** The stream of one home, the same every day: what the home is like. */
  SplittableRandom home(String homeName) {
    return new SplittableRandom(
        Hashing.murmur3_128()
            .newHasher()
            .putLong(seed)
            .putLong(HOME_KEY)
            .putString(homeName, StandardCharsets.UTF_8)
            .hash()
            .asLong());
  }

  /** The stream of one day, the same for every home: the sky they share. */
  SplittableRandom day(long day) {
    return new SplittableRandom(
        Hashing.murmur3_128()
            .newHasher()
            .putLong(seed)
            .putLong(SKY_KEY)
            .putLong(day)
            .hash()
            .asLong());
  }
}

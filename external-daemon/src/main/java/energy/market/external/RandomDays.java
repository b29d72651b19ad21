package energy.market.external;

import energy.market.model.EventKind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random mode's dice: which event kinds fire on a day. Each (seed, day, kind) has its own {@link
 * SplittableRandom}, so a day's draw depends on nothing else: not on earlier days, on the order
 * days were rolled, on timing, or on whether the daemon restarted.
 */
public final class RandomDays {

  private final EventCatalog catalog;
  private final long seed;

  /**
   * @param catalog the kinds and their daily probabilities
   * @param seed the run's seed
   */
  public RandomDays(EventCatalog catalog, long seed) {
    this.catalog = catalog;
    this.seed = seed;
  }

  /** The kinds that fire on {@code day}, in catalog order. */
  public List<EventKind> firedOn(long day) {
    List<EventKind> fired = new ArrayList<>();
    for (CatalogEntry entry : catalog.entries()) {
      SplittableRandom dice = new SplittableRandom(derive(seed, day, entry.kind().name()));
      if (dice.nextDouble() < entry.dailyProbability()) {
        fired.add(entry.kind());
      }
    }
    return fired;
  }

  /** The id of random mode's {@code kind} event on {@code day}, the same in every run. */
  public static String eventId(long seed, long day, EventKind kind) {
    return "random-s" + seed + "-d" + day + "-" + kind.label();
  }

  /**
   * Mixes the seed with stable keys (the kind's name, not its ordinal, so reordering the enum does
   * not change old runs).
   */
  static long derive(long seed, long day, String key) {
    long h = mix(seed ^ 0x6A09E667F3BCC909L);
    h = mix(h + day);
    return mix(h ^ key.hashCode());
  }

  // The 64-bit finalizer of SplitMix64 (Stafford's variant 13).
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

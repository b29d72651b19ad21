package energy.market.home;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Draws each home's production and consumption from a random stream derived from (seed, home name,
 * day) alone, so a home's draws never depend on which process hosts it, how many homes that process
 * has, or the order in which messages arrive.
 */
public final class EnergyModel {
  private final long seed;
  private final HomeParameters parameters;

  public EnergyModel(long seed, HomeParameters parameters) {
    this.seed = seed;
    this.parameters = parameters;
  }

  /** The day's draw for a home at the day's temperature. */
  public EnergyDraw draw(String homeName, long day, double temperatureCelsius) {
    SplittableRandom random = new SplittableRandom(streamSeed(homeName, day));
    long produced = between(random, parameters.productionMinWh(), parameters.productionMaxWh());
    long consumed = between(random, parameters.consumptionMinWh(), parameters.consumptionMaxWh());
    return new EnergyDraw(produced, consumed + parameters.weatherExtraWh(temperatureCelsius));
  }

  private long streamSeed(String homeName, long day) {
    return Hashing.murmur3_128()
        .newHasher()
        .putLong(seed)
        .putString(homeName, StandardCharsets.UTF_8)
        .putLong(day)
        .hash()
        .asLong();
  }

  private static long between(SplittableRandom random, long min, long max) {
    return min == max ? min : random.nextLong(min, max + 1);
  }

  /** The parameters draws are made with. */
  public HomeParameters parameters() {
    return parameters;
  }
}

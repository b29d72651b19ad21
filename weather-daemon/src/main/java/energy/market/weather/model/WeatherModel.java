package energy.market.weather.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The day's temperature, from a seed and {@link WeatherParameters}: a random start, then each day a
 * pull towards a seasonal norm plus uniform noise, the change capped and the value kept within the
 * bounds, rounded to 0.1 C.
 *
 * <p>The series is produced by one {@link SplittableRandom} drawing exactly one number per day from
 * day 1 on, so the value of day {@code d} depends only on (seed, parameters, d), whatever order
 * days are asked in. Values are cached: asking days in order costs O(1) each; asking day {@code d}
 * first costs O(d) once. Thread-safe.
 */
public final class WeatherModel {
  /** The last day the model computes (about 27,000 years), which keeps its cache bounded. */
  public static final long MAX_DAY = 10_000_000;

  // A stable key, so the weather does not share a random stream with anything else seeded alike.
  private static final long STREAM_KEY = 0x5745415448455231L; // "WEATHER1"

  private final long seed;
  private final WeatherParameters parameters;
  private final SplittableRandom random;
  private final int lowTenths;
  private final int highTenths;
  private final int maxStepTenths;
  private int[] tenths = new int[64]; // tenths[d - 1] is day d
  private int computed; // days in tenths[] so far

  /**
   * @param seed the run's seed
   * @param parameters the model's knobs
   */
  public WeatherModel(long seed, WeatherParameters parameters) {
    this.seed = seed;
    this.parameters = parameters;
    this.random = new SplittableRandom(seed ^ STREAM_KEY);
    this.lowTenths = Tenths.ceil(parameters.minCelsius());
    this.highTenths = Tenths.floor(parameters.maxCelsius());
    this.maxStepTenths = Tenths.floor(parameters.maxDailyChange());
  }

  /** The seed this model was made with. */
  public long seed() {
    return seed;
  }

  /** The parameters this model was made with. */
  public WeatherParameters parameters() {
    return parameters;
  }

  /**
   * The temperature of a day, rounded to 0.1 C.
   *
   * @param day the day, 1..{@value #MAX_DAY}
   * @throws IllegalArgumentException when the day is out of that range
   */
  public synchronized double temperatureFor(long day) {
    if (day < 1 || day > MAX_DAY) {
      throw new IllegalArgumentException("day " + day + " is out of range 1.." + MAX_DAY);
    }
    int index = (int) day - 1;
    while (computed <= index) {
      if (computed == tenths.length) {
        tenths = Arrays.copyOf(tenths, (int) Math.min(MAX_DAY, 2L * tenths.length));
      }
      tenths[computed] = computed == 0 ? firstDay() : nextDay(computed + 1, tenths[computed - 1]);
      computed++;
    }
    return Tenths.toCelsius(tenths[index]);
  }

  /** The seasonal norm of a day (not rounded): the value the weather is pulled towards. */
  public double seasonalNorm(long day) {
    double angle =
        2 * Math.PI * (day - parameters.warmestDay()) / (double) parameters.seasonLengthDays();
    return parameters.seasonalMean() + parameters.seasonalAmplitude() * Math.cos(angle);
  }

  private int firstDay() {
    int from = Math.max(lowTenths, Tenths.ceil(parameters.startMin()));
    int to = Math.min(highTenths, Tenths.floor(parameters.startMax()));
    return from + random.nextInt(to - from + 1);
  }

  private int nextDay(long day, int previousTenths) {
    double previous = Tenths.toCelsius(previousTenths);
    double pull = parameters.reversion() * (seasonalNorm(day) - previous);
    // Always one draw per day, even without noise, so the stream stays aligned with the day.
    double noise = (2 * random.nextDouble() - 1) * parameters.noise();
    long step = Math.round((pull + noise) * 10);
    step = Math.max(-maxStepTenths, Math.min(maxStepTenths, step));
    long next = previousTenths + step;
    return (int) Math.max(lowTenths, Math.min(highTenths, next));
  }
}

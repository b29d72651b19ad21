package energy.market.server;

import energy.market.client.Durations;
import energy.market.server.access.Registration;
import energy.market.server.clock.Pace;
import energy.market.server.day.HomeCapacity;
import energy.market.server.engine.MarketSettings;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of a market's run that {@code market} and {@code simulate} share: the price model,
 * the phase deadline and the trade executor's limits. {@code simulate} checks them as the market
 * will and passes them on to its market process.
 */
public final class MarketRunOptions {
  /** Consecutive days a connected home may miss before it is dropped, unless told otherwise. */
  public static final String DEFAULT_MAX_MISSED_DAYS = "3";

  /** Ticks a price-feed subscriber may fall behind before it is dropped, unless told otherwise. */
  public static final String DEFAULT_FEED_MAX_LAG = "256";

  @Option(
      names = "--phase-deadline",
      converter = Durations.class,
      paramLabel = "DURATION",
      description =
          "Longest a phase waits for late participants; with a fixed day length, phases also "
              + "share the day (default: ${DEFAULT-VALUE}).",
      defaultValue = "5s")
  Duration phaseDeadline;

  @Option(
      names = "--max-concurrent-trades",
      paramLabel = "N",
      description = "Trades that may execute at once (default: ${DEFAULT-VALUE}).",
      defaultValue = "4")
  int maxConcurrentTrades;

  @Option(
      names = "--trade-queue",
      paramLabel = "N",
      description =
          "Trades that may wait for a slot; beyond that a trade fails with RESOURCE_EXHAUSTED "
              + "(default: ${DEFAULT-VALUE}).",
      defaultValue = "1024")
  int tradeQueue;

  @Option(
      names = "--home-capacity-wh",
      paramLabel = "WH",
      description =
          "The most a home may declare as produced, and as consumed, in a day, Wh; it must keep"
              + " one home from moving the price from floor to cap in a day (default: "
              + HomeCapacity.DEFAULT_WH
              + ", or less for a price model that sensitive).")
  Long homeCapacityWh;

  @Mixin(name = "price")
  PriceOptions price = new PriceOptions();

  /** The longest a phase waits for late participants. */
  public Duration phaseDeadline() {
    return phaseDeadline;
  }

  /** The price model's options. */
  public PriceOptions price() {
    return price;
  }

  /**
   * The market's settings for these options and the rest of a start's.
   *
   * @param dayLength the wall-clock length of a day; zero for as fast as the participants allow
   * @param days the last day; 0 for no limit
   * @throws IllegalArgumentException naming the value the market refuses
   */
  public MarketSettings settings(
      long seed,
      Duration dayLength,
      long days,
      int maxMissedDays,
      int feedMaxLag,
      String operatorToken) {
    if (days < 0) {
      throw new IllegalArgumentException("--days " + days + " is negative; use 0 for no limit");
    }
    return new MarketSettings(
        seed,
        dayLength.isZero() ? Pace.fast(phaseDeadline) : new Pace(dayLength, phaseDeadline),
        days == 0 ? Long.MAX_VALUE : days,
        price.parameters(),
        price.catalog(),
        maxConcurrentTrades,
        tradeQueue,
        maxMissedDays,
        feedMaxLag,
        operatorToken,
        homeCapacityWh == null
            ? HomeCapacity.defaultFor(price.parameters())
            : new HomeCapacity(homeCapacityWh),
        Registration.OPEN);
  }

  /**
   * Checks these options as a market started with them and its own defaults would, before any
   * process starts.
   *
   * @throws IllegalArgumentException naming the value the market would refuse
   */
  public void check(long seed, Duration dayLength, long days) {
    settings(
        seed,
        dayLength,
        days,
        Integer.parseInt(DEFAULT_MAX_MISSED_DAYS),
        Integer.parseInt(DEFAULT_FEED_MAX_LAG),
        // The market makes its own token; any one will do to check the rest.
        "checked");
  }
}

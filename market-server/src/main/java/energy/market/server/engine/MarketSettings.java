package energy.market.server.engine;

import energy.market.server.access.Registration;
import energy.market.server.clock.Pace;
import energy.market.server.day.HomeCapacity;
import energy.market.server.price.EventCatalog;
import energy.market.server.price.PriceParameters;

/**
 * The market's parameters.
 *
 * @param seed the seed of everything random in the market (the broker's order)
 * @param pace the pace of days and phase deadlines
 * @param days the number of days to run; {@link Long#MAX_VALUE} for no end
 * @param price the price model's coefficients
 * @param events the event catalog
 * @param maxConcurrentTrades the limit on simultaneous trades
 * @param tradeQueue how many trades may wait for a slot
 * @param maxMissedDays consecutive days a connected home may miss before it is dropped
 * @param feedMaxLag how many ticks a feed subscriber may fall behind before it is dropped
 * @param operatorToken the secret daemons present to report weather and events
 * @param homeCapacity the most a home may declare as produced, and as consumed, in a day
 * @param registration whether anyone may register homes, or only holders of a registration token
 */
public record MarketSettings(
    long seed,
    Pace pace,
    long days,
    PriceParameters price,
    EventCatalog events,
    int maxConcurrentTrades,
    int tradeQueue,
    int maxMissedDays,
    int feedMaxLag,
    String operatorToken,
    HomeCapacity homeCapacity,
    Registration registration) {

  /** Settings with the default home capacity for their price model, and open registration. */
  public MarketSettings(
      long seed,
      Pace pace,
      long days,
      PriceParameters price,
      EventCatalog events,
      int maxConcurrentTrades,
      int tradeQueue,
      int maxMissedDays,
      int feedMaxLag,
      String operatorToken) {
    this(
        seed,
        pace,
        days,
        price,
        events,
        maxConcurrentTrades,
        tradeQueue,
        maxMissedDays,
        feedMaxLag,
        operatorToken,
        HomeCapacity.defaultFor(price),
        Registration.OPEN);
  }

  /** These settings with another registration rule. */
  public MarketSettings withRegistration(Registration newRegistration) {
    return new MarketSettings(
        seed,
        pace,
        days,
        price,
        events,
        maxConcurrentTrades,
        tradeQueue,
        maxMissedDays,
        feedMaxLag,
        operatorToken,
        homeCapacity,
        newRegistration);
  }

  public MarketSettings {
    if (days < 1) {
      throw new IllegalArgumentException("days must be at least 1, got " + days);
    }
    if (maxConcurrentTrades < 1 || maxConcurrentTrades > 1024) {
      throw new IllegalArgumentException(
          "max concurrent trades " + maxConcurrentTrades + " is out of range 1..1024");
    }
    if (tradeQueue < 1 || tradeQueue > 1_000_000) {
      throw new IllegalArgumentException(
          "trade queue " + tradeQueue + " is out of range 1..1000000");
    }
    if (maxMissedDays < 1) {
      throw new IllegalArgumentException(
          "max missed days must be at least 1, got " + maxMissedDays);
    }
    if (feedMaxLag < 1) {
      throw new IllegalArgumentException("feed max lag must be at least 1, got " + feedMaxLag);
    }
    if (operatorToken == null || operatorToken.isBlank()) {
      throw new IllegalArgumentException("operator token is empty");
    }
    if (registration == null) {
      throw new IllegalArgumentException("registration is missing");
    }
    long largest = HomeCapacity.largestFor(price);
    if (homeCapacity.maxWh() >= largest) {
      throw new IllegalArgumentException(
          "home capacity "
              + homeCapacity.maxWh()
              + " Wh would let one home move the price from its floor to its cap in a day; use"
              + " less than "
              + largest
              + " Wh with this price model");
    }
  }
}

package energy.market.server.engine;

import energy.market.model.Phase;
import energy.market.server.feed.Tick;
import energy.market.server.price.ActiveEffect;
import java.time.Duration;
import java.util.List;

/**
 * A one-shot view of the market.
 *
 * @param day the day in progress (0 before the first)
 * @param phase the phase in progress (null before the first day)
 * @param priceMicro the price the day in progress trades at, through its CLOSE (the price set at
 *     the close is in {@code lastTick})
 * @param temperatureCelsius the day's temperature so far
 * @param homesRegistered homes ever registered
 * @param homesConnected homes with a connected session
 * @param activeEvents events moving today's close
 * @param lastTick the last published tick, or null
 * @param tradesInFlight trades executing now
 * @param maxConcurrentTrades the limit on simultaneous trades
 * @param dayLength the wall-clock length of a day; zero when as fast as possible
 */
public record MarketSnapshot(
    long day,
    Phase phase,
    long priceMicro,
    double temperatureCelsius,
    int homesRegistered,
    int homesConnected,
    List<ActiveEffect> activeEvents,
    Tick lastTick,
    int tradesInFlight,
    int maxConcurrentTrades,
    Duration dayLength) {}

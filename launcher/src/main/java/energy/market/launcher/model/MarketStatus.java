package energy.market.launcher.model;

/**
 * A one-shot view of a market, taken when a watcher connects.
 *
 * @param day the current day, 0 before the first opens
 * @param phase the current phase's label, for example {@code trade}
 * @param homesRegistered homes registered so far
 * @param homesConnected homes with a connected session
 * @param dayLengthMillis wall-clock length of a day; 0 when the market runs as fast as it can
 */
public record MarketStatus(
    long day, String phase, int homesRegistered, int homesConnected, long dayLengthMillis) {}

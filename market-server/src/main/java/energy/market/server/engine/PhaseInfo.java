package energy.market.server.engine;

import energy.market.model.Phase;
import java.time.Instant;

/**
 * What a session learns when a phase begins.
 *
 * @param day the day
 * @param phase the phase
 * @param temperatureCelsius the day's temperature (final from GIFT on)
 * @param weatherStale true when the previous temperature was kept
 * @param priceMicro the price the day trades at
 * @param deadline when the phase ends at the latest
 */
public record PhaseInfo(
    long day,
    Phase phase,
    double temperatureCelsius,
    boolean weatherStale,
    long priceMicro,
    Instant deadline) {}

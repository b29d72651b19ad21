package energy.market.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A phase of the market's day has begun: what a daemon needs to do its part.
 *
 * @param day the day
 * @param phase the phase that began
 * @param deadline when the market closes the phase at the latest; empty when it waits for every
 *     participant
 */
public record PhaseStart(long day, Phase phase, Optional<Instant> deadline) {}

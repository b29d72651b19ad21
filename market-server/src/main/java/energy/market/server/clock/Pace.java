package energy.market.server.clock;

import energy.market.model.Phase;
import java.time.Duration;

/**
 * How fast days go: as fast as possible ({@code dayLength} zero) or one day per fixed wall-clock
 * length; and how long each phase may wait for late participants.
 *
 * <p>With a fixed day length each phase may use a share of it (OPEN a fifth, GIFT and TRADE two
 * fifths each); as fast as possible, each phase waits at most {@code phaseDeadline}. A phase still
 * ends as soon as every participant is done.
 *
 * @param dayLength the wall-clock length of a day; zero for as fast as possible
 * @param phaseDeadline the longest any phase waits for participants
 */
public record Pace(Duration dayLength, Duration phaseDeadline) {

  /** The default longest wait for a phase when running as fast as possible. */
  public static final Duration DEFAULT_FAST_DEADLINE = Duration.ofSeconds(5);

  public Pace {
    if (dayLength.isNegative()) {
      throw new IllegalArgumentException("day length " + dayLength + " is negative");
    }
    if (phaseDeadline.isNegative() || phaseDeadline.isZero()) {
      throw new IllegalArgumentException("phase deadline must be positive, got " + phaseDeadline);
    }
  }

  /** As fast as possible, each phase waiting at most {@code phaseDeadline}. */
  public static Pace fast(Duration phaseDeadline) {
    return new Pace(Duration.ZERO, phaseDeadline);
  }

  /** One day per {@code dayLength}; phases share it. */
  public static Pace fixed(Duration dayLength) {
    return new Pace(dayLength, dayLength);
  }

  /** True when days follow each other as fast as possible. */
  public boolean isFast() {
    return dayLength.isZero();
  }

  /** The longest {@code phase} waits for participants. */
  public Duration deadline(Phase phase) {
    if (phase == Phase.CLOSE) {
      return Duration.ZERO;
    }
    if (isFast()) {
      return phaseDeadline;
    }
    Duration share =
        phase == Phase.OPEN ? dayLength.dividedBy(5) : dayLength.multipliedBy(2).dividedBy(5);
    return share.compareTo(phaseDeadline) < 0 ? share : phaseDeadline;
  }
}

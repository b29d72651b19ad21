package energy.market.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one way tests wait: for an observable state, with a deadline, never for a length of time. The
 * deadlines tests pass are generous because a busy CI machine may be many times slower than a
 * laptop; a state that holds returns at once, so a generous deadline costs nothing when all is
 * well.
 */
public final class Await {
  /** The deadline for states that follow quickly from the test's own action. */
  public static final Duration SHORT = Duration.ofSeconds(30);

  /** The deadline for states that need real processes to start or days to pass. */
  public static final Duration LONG = Duration.ofSeconds(120);

  private Await() {}

  /**
   * Waits until {@code condition} holds.
   *
   * @param description what is awaited, for the failure message
   * @throws AssertionError naming {@code description} when {@code timeout} passes first
   */
  public static void until(String description, BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    value(
        description,
        () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty(),
        timeout);
  }

  /**
   * Waits until {@code probe} yields a value and returns it.
   *
   * @param description what is awaited, for the failure message
   * @throws AssertionError naming {@code description} when {@code timeout} passes first
   */
  public static <T> T value(String description, Supplier<Optional<T>> probe, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    long pauseMillis = 1;
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() - end > 0) {
        throw new AssertionError("timed out after " + timeout + " waiting for: " + description);
      }
      // Short pauses first (most states arrive within milliseconds), then at most 50 ms apart.
      Thread.sleep(pauseMillis);
      pauseMillis = Math.min(50, pauseMillis * 2);
    }
  }
}

package energy.market.launcher;

import energy.market.external.PosixSignals;

/**
 * Turns POSIX signals into calls for the launcher, through the external daemon's {@link
 * PosixSignals}; a signal the JVM keeps for itself is reported, not fatal. Only translates: what a
 * signal means is up to the caller.
 */
public final class SignalTrap {
  private SignalTrap() {}

  /**
   * Runs {@code action} on each arrival of the signal, instead of the JVM's default.
   *
   * @param name the signal without {@code SIG}, for example {@code INT}
   * @return false when this JVM does not let us take the signal (then its default stays)
   */
  public static boolean handle(String name, Runnable action) {
    try {
      PosixSignals.handle(name, action);
      return true;
    } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
      return false;
    }
  }
}

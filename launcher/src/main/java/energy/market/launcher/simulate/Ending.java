package energy.market.launcher.simulate;

/**
 * How a run ended.
 *
 * @param kind what ended it
 * @param message one line for people
 * @param exitCode the launcher's exit code
 */
public record Ending(Kind kind, String message, int exitCode) {
  /** What ended a run. */
  public enum Kind {
    /** Every day closed. */
    COMPLETED,
    /** A child stopped while the run needed it. */
    CHILD_DIED,
    /** A child did not come up in time, or could not be started. */
    STARTUP_FAILED,
    /** SIGINT (Ctrl-C), SIGTERM or SIGHUP reached the launcher. */
    SIGNAL
  }

  static Ending completed(String message) {
    return new Ending(Kind.COMPLETED, message, 0);
  }

  static Ending childDied(String message) {
    return new Ending(Kind.CHILD_DIED, message, 1);
  }

  static Ending startupFailed(String message) {
    return new Ending(Kind.STARTUP_FAILED, message, 1);
  }

  /** 128 + the signal's number, as a shell reports a process that signal ended: INT 130. */
  static Ending signal(String name, String message) {
    int number =
        switch (name) {
          case "HUP" -> 1;
          case "INT" -> 2;
          default -> 15;
        };
    return new Ending(Kind.SIGNAL, message, 128 + number);
  }
}

package energy.market.client.cli;

/**
 * A command could not do its job although its options were valid (a port in use, a file that is not
 * a ledger, a market that stopped): {@link OneLineErrors} prints the message as one line and exits
 * with {@link #exitCode()}. Bad options are {@code ParameterException}s instead.
 */
public final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /**
   * @param exitCode the process's exit code: 1 for a failure to run, 2 for input it refuses
   * @param message one line saying what went wrong and, when it can, what to do
   */
  public CommandFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /** The process's exit code. */
  public int exitCode() {
    return exitCode;
  }
}

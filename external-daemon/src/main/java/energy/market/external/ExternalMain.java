package energy.market.external;

import energy.market.client.cli.OneLineErrors;

/** Runs the external daemon as a process of its own. */
public final class ExternalMain {
  private ExternalMain() {}

  /** Parses the options and runs until stopped; the exit code is the command's. */
  public static void main(String[] args) {
    System.exit(OneLineErrors.commandLine(new ExternalCommand()).execute(args));
  }
}

package energy.market.home;

import energy.market.client.cli.OneLineErrors;

/** Runs {@link HomeCommand} as a program of its own. */
public final class HomeMain {
  private HomeMain() {}

  public static void main(String[] args) {
    System.exit(OneLineErrors.commandLine(new HomeCommand()).execute(args));
  }
}

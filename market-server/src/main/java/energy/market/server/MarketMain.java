package energy.market.server;

import energy.market.client.cli.OneLineErrors;

/** Runs {@link MarketCommand} as a program of its own. */
public final class MarketMain {
  private MarketMain() {}

  public static void main(String[] args) {
    System.exit(OneLineErrors.commandLine(new MarketCommand()).execute(args));
  }
}

package energy.market.server;

import picocli.CommandLine;

/** Runs {@link MarketCommand} as a program of its own. */
public final class MarketMain {
  private MarketMain() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new MarketCommand()).execute(args));
  }
}

package energy.market.home;

import picocli.CommandLine;

/** Runs {@link HomeCommand} as a program of its own. */
public final class HomeMain {
  private HomeMain() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new HomeCommand()).execute(args));
  }
}

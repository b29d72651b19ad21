package energy.market.weather;

import energy.market.client.Logging;
import java.util.logging.Level;

/** Entry point of the weather daemon process; see {@link WeatherCommand} for its options. */
public final class WeatherMain {
  private WeatherMain() {}

  /** Runs {@code weather} and exits with its code. */
  public static void main(String[] args) {
    // gRPC and Netty log through java.util.logging: one short line each, like the market's.
    Logging.configure(Level.INFO);
    System.exit(WeatherCommand.commandLine().execute(args));
  }
}

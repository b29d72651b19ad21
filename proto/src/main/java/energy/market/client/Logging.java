package energy.market.client;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Sets up java.util.logging (which gRPC uses too) to print one short line per record. */
public final class Logging {
  // The LogManager holds loggers weakly: without this reference the project's logger, and the
  // level set on it, would go at the next garbage collection, and FINE records (market --verbose)
  // would fall back to the root's WARNING.
  private static final Logger PROJECT = Logger.getLogger("energy.market");

  private Logging() {}

  /** Installs the one-line format on stderr at {@code level} for our own loggers. */
  public static void configure(Level level) {
    System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%6$s%n");
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    Handler handler = new ConsoleHandler();
    handler.setFormatter(new SimpleFormatter());
    handler.setLevel(Level.ALL);
    root.addHandler(handler);
    root.setLevel(Level.WARNING);
    PROJECT.setLevel(level);
  }
}

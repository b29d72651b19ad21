package energy.market.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class LoggingTest {

  @Test
  void theLevelSetForTheProjectOutlivesGarbageCollections() throws Exception {
    Logging.configure(Level.FINE);
    try {
      // Collections until a fresh object is collected: weakly held loggers are gone by then.
      for (int i = 0; i < 5; i++) {
        WeakReference<Object> probe = new WeakReference<>(new Object());
        while (probe.get() != null) {
          System.gc();
        }
      }
      assertTrue(
          Logger.getLogger("energy.market.server.engine.DayCycle").isLoggable(Level.FINE),
          "FINE records of the project's classes still pass after garbage collections");
    } finally {
      Logging.configure(Level.INFO);
    }
  }
}

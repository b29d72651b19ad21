package energy.market.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoggingTest {

  @AfterEach
  void backToStderr() {
    Logging.configure(Level.INFO);
  }

  @Test
  void theLevelSetForTheProjectOutlivesGarbageCollections() throws Exception {
    Logging.configure(Level.FINE);
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
  }

  @Test
  void eachRecordIsOneLineOfTimeLevelLoggerAndMessage() {
    ClosingAwareStream out = new ClosingAwareStream();
    Logging.configure(Level.INFO, out);

    Logger.getLogger("energy.market.home.Fleet").info("home-1 registered as 7");
    Logger.getLogger("energy.market.home.Fleet").fine("not shown at INFO");
    Logger.getLogger("io.grpc.internal.ManagedChannelImpl").info("not shown: others from WARNING");
    Logger.getLogger("io.grpc.internal.ManagedChannelImpl").warning("a channel warning");

    // Only this test's records: another test's leftover thread may log beside them.
    List<String> lines =
        out.text()
            .lines()
            .filter(l -> l.contains("home-1") || l.contains("not shown") || l.contains("a channel"))
            .toList();
    assertEquals(2, lines.size(), out.text());
    assertTrue(
        lines
            .get(0)
            .matches(
                "\\d\\d:\\d\\d:\\d\\d INFO energy\\.market\\.home\\.Fleet: home-1 registered as 7"),
        lines.get(0));
    assertTrue(
        lines
            .get(1)
            .matches(
                "\\d\\d:\\d\\d:\\d\\d WARNING io\\.grpc\\.internal\\.ManagedChannelImpl: a channel"
                    + " warning"),
        lines.get(1));
  }

  @Test
  void aThrownExceptionFollowsItsRecordAndResettingLeavesTheStreamOpen() {
    ClosingAwareStream out = new ClosingAwareStream();
    Logging.configure(Level.INFO, out);

    Logger.getLogger("energy.market.server.MarketCommand")
        .log(Level.SEVERE, "the ledger failed", new IllegalStateException("disk full"));
    LogManager.getLogManager().reset();

    List<String> lines = out.text().lines().toList();
    int record =
        lines.indexOf(
            lines.stream().filter(l -> l.contains("MarketCommand")).findFirst().orElseThrow());
    assertTrue(
        lines.get(record).endsWith(" SEVERE energy.market.server.MarketCommand: the ledger failed"),
        lines.get(record));
    assertEquals("java.lang.IllegalStateException: disk full", lines.get(record + 1));
    assertTrue(lines.get(record + 2).startsWith("\tat "), lines.get(record + 2));
    assertFalse(out.closed, "closing the handler must not close the stream (stderr)");
  }

  private static final class ClosingAwareStream extends ByteArrayOutputStream {
    boolean closed;

    @Override
    public void close() {
      closed = true;
    }

    String text() {
      return toString(StandardCharsets.UTF_8);
    }
  }
}

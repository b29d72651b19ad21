package energy.market.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.launcher.Launcher;
import energy.market.server.MarketMain;
import energy.market.testing.ChildProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code watch} follows a real market process; piped, it prints one line per day. */
class WatchIT {
  @TempDir Path dir;

  @Test
  void watchPrintsOneLinePerDayUntilTheGivenDay() throws Exception {
    try (ChildProcess market =
        ChildProcess.startJava(
            "market",
            MarketMain.class.getName(),
            List.of(
                "--port", "0",
                "--bind", "127.0.0.1",
                "--day-length", "100ms",
                "--data-dir", dir.toString(),
                "--operator-token", "test"))) {
      String port = market.awaitLine("market listening on port (\\d+)", Duration.ofSeconds(30));
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();

      int code =
          Launcher.run(
              new String[] {"watch", "--market", "127.0.0.1:" + port, "--until-day", "3"},
              new PrintWriter(out, true),
              new PrintWriter(err, true));

      assertEquals(0, code, err.toString());
      String text = out.toString();
      assertTrue(text.contains("watching the market at 127.0.0.1:" + port), text);
      assertTrue(text.contains("\nday 3: price 0."), text);
    }
  }
}

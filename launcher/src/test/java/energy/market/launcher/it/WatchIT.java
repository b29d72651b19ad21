package energy.market.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.launcher.Launcher;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code watch} follows a real market process; piped, it prints one line per day. */
class WatchIT {
  @TempDir Path dir;

  @Test
  void watchPrintsOneLinePerDayUntilTheGivenDay() throws Exception {
    try (RunningMarket market = new RunningMarket(dir, "--day-length", "100ms")) {
      String port = Integer.toString(market.port);
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

package energy.market.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.launcher.Launcher;
import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each long-running role, stopped by a real signal, exits with the code its {@code --help} gives
 * for that signal: 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP (the external daemon).
 */
class ExitCodesIT {
  @TempDir Path dir;

  @Test
  void everyRoleExitsWithTheCodeItsHelpGivesForTheSignalThatStopsIt() throws Exception {
    try (RunningMarket market = new RunningMarket(dir.resolve("data"), "--day-length", "200ms")) {
      try (ChildProcess weather =
          market.weather("--port", "0", "--shm-file", dir.resolve("weather").toString())) {
        weather.awaitLine("weather listening on port", Await.LONG);
        assertStoppedAsHelpSays(weather, "weather", "INT", 130, "130 Ctrl-C (SIGINT)");
      }
      try (ChildProcess external = market.external()) {
        external.awaitLine("waiting for signals", Await.LONG);
        assertStoppedAsHelpSays(external, "external", "TERM", 143, "143 SIGTERM");
      }
      try (ChildProcess external = market.external()) {
        external.awaitLine("waiting for signals", Await.LONG);
        assertStoppedAsHelpSays(external, "external", "HUP", 129, "129 SIGHUP");
      }
      try (ChildProcess home = market.home("alice", "--name", "alice")) {
        home.awaitLine("^day \\d+ alice:", Await.LONG);
        assertStoppedAsHelpSays(home, "home", "INT", 130, "130 Ctrl-C (SIGINT)");
      }
      try (ChildProcess watch =
          ChildProcess.role("watch", "watch", List.of("--market", market.address()))) {
        watch.awaitLine("^day \\d+: price", Await.LONG);
        assertStoppedAsHelpSays(watch, "watch", "TERM", 143, "143 SIGTERM");
      }
      assertStoppedAsHelpSays(market.process, "market", "INT", 130, "130 Ctrl-C (SIGINT)");
    }
  }

  private static void assertStoppedAsHelpSays(
      ChildProcess process, String role, String signal, int expected, String helpSays)
      throws Exception {
    process.signal(signal);
    assertEquals(expected, process.awaitExit(Await.LONG), role + ": " + process.transcript());
    String help = help(role);
    assertTrue(help.contains(helpSays), role + " --help gives '" + helpSays + "':\n" + help);
  }

  private static String help(String role) {
    StringWriter out = new StringWriter();
    int code =
        Launcher.run(
            new String[] {role, "--help"}, new PrintWriter(out, true), new PrintWriter(out, true));
    assertEquals(0, code, out.toString());
    return out.toString().replaceAll("\\s+", " ");
  }
}

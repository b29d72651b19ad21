package energy.market.weather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.client.OperatorToken;
import energy.market.weather.model.WeatherParameters;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class WeatherCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = WeatherCommand.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  @Test
  void everyOptionSaysItsDefault() {
    assertEquals(0, run("--help"));
    String help = out.toString();
    assertTrue(help.contains("localhost:50051"), help);
    assertTrue(help.contains("(default: 50052)"), help);
    for (OptionSpec option : WeatherCommand.commandLine().getCommandSpec().options()) {
      if (option.usageHelp() || option.versionHelp()) {
        continue;
      }
      assertTrue(
          String.join(" ", option.description()).contains("default"),
          option.longestName() + " has no default in its description");
    }
  }

  @Test
  void modelOptionDefaultsAreTheModelDefaults() {
    WeatherCommand command = new WeatherCommand();
    new CommandLine(command).parseArgs();
    assertEquals(WeatherParameters.DEFAULTS, command.model.toParameters());
  }

  @Test
  void badMarketAddressIsOneLine() {
    assertEquals(2, run("--market", "host:port"));
    assertEquals(
        "weather: Invalid value for option '--market': market port 'port' in 'host:port' is not a"
            + " number 1..65535 (see weather --help)"
            + System.lineSeparator(),
        err.toString());
  }

  @Test
  void inconsistentWeatherParametersAreOneLine() {
    assertEquals(2, run("--operator-token", "t", "--start-min", "35"));
    assertEquals(
        "weather: start min 35.0 C must not be above start max 30.0 C (see weather --help)"
            + System.lineSeparator(),
        err.toString());
  }

  @Test
  void badDurationIsOneLine() {
    assertEquals(2, run("--report-timeout", "soon"));
    assertEquals(
        "weather: Invalid value for option '--report-timeout': 'soon' is not a duration; write for"
            + " example 250ms, 2s, 1.5s, 5m, 1h or 0 (see weather --help)"
            + System.lineSeparator(),
        err.toString());
  }

  @Test
  void portOutOfRangeIsOneLine() {
    assertEquals(2, run("--operator-token", "t", "--port", "70000"));
    assertEquals(
        "weather: port 70000 is out of range 0..65535 (0 picks a free port) (see weather --help)"
            + System.lineSeparator(),
        err.toString());
  }

  @Test
  void missingOperatorTokenIsOneLine() {
    Assumptions.assumeTrue(System.getenv(OperatorToken.ENV) == null);
    assertEquals(2, run("--operator-token-file", dir.resolve("none").toString()));
    assertTrue(err.toString().startsWith("weather: no operator token: pass --operator-token"));
    assertEquals(1, err.toString().lines().count());
  }

  @Test
  void portInUseFailsCleanlyAndLeavesNoFile() throws Exception {
    Path file = dir.resolve("weather");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int code =
          run(
              "--operator-token",
              "t",
              "--bind",
              "127.0.0.1",
              "--port",
              "" + taken.getLocalPort(),
              "--shm-file",
              file.toString());
      assertEquals(1, code);
      assertTrue(
          err.toString().startsWith("weather: cannot start on 127.0.0.1:" + taken.getLocalPort()),
          err.toString());
      assertEquals(1, err.toString().lines().count(), err.toString());
    }
    assertFalse(Files.exists(file));
  }
}

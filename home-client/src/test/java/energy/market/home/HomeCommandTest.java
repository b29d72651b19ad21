package energy.market.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.client.cli.OneLineErrors;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The home command's options, parsed in process; nothing connects to a market. */
class HomeCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine command = OneLineErrors.commandLine(new HomeCommand());
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  @Test
  void everyOptionSaysItsDefault() {
    assertEquals(0, run("--help"));
    for (OptionSpec option : new CommandLine(new HomeCommand()).getCommandSpec().options()) {
      if (option.usageHelp() || option.versionHelp()) {
        continue;
      }
      assertTrue(
          String.join(" ", option.description()).contains("default"),
          option.longestName() + " has no default in its description");
    }
    String help = out.toString().replaceAll("\\s+", " ");
    assertTrue(help.contains("The market's address (default: localhost:50051)"), help);
    assertTrue(help.contains("Below this temperature homes heat, Celsius (default: 15)"), help);
  }

  @Test
  void badOptionsAreOneLineNamingTheCommandAndNothingStarts() {
    assertEquals(2, run("--market", "localhost:99999"));
    assertEquals(
        "home: Invalid value for option '--market': market port 99999 is out of range 1..65535"
            + " (see home --help)"
            + System.lineSeparator(),
        err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void aBadNameIsRefusedBeforeAnythingStarts() {
    assertEquals(2, run("--name", "no spaces"));
    assertTrue(
        err.toString().startsWith("home: home name 'no spaces' is not allowed"), err.toString());
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void aDamagedKeyFileIsOneLineNamingItExitCodeTwoAndNothingStarts(@TempDir Path state)
      throws Exception {
    Path key = state.resolve(HomeSecrets.KEY_FILE);
    Files.writeString(key, "not a key\n");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    assertEquals(2, run("--name", "alice", "--state-dir", state.toString()));
    assertEquals(
        "home: key file "
            + key
            + " is damaged (a key is 64 hex digits); restore it from a backup to keep its homes,"
            + " or move it away to start new homes under other names"
            + System.lineSeparator(),
        err.toString());
    assertEquals("", out.toString());
    assertEquals("not a key\n", Files.readString(key), "the file is left as it was");
  }

  @Test
  void theHelpExplainsTheStateDirectory() {
    assertEquals(0, run("--help"));
    String help = out.toString().replaceAll("\\s+", " ");
    assertTrue(help.contains("--state-dir=DIR Where the homes' key is kept"), help);
    assertTrue(help.contains("default: $XDG_STATE_HOME/energy-market, else"), help);
  }
}

package energy.market.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The energy-market command tree: help, defaults, config files and bad input, in process. */
class LauncherTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Launcher.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private Path config(String... lines) throws Exception {
    Path file = dir.resolve("bad.properties");
    Files.write(file, List.of(lines));
    return file;
  }

  /** One line on stderr, no stack trace. */
  private String oneErrorLine() {
    String text = err.toString().strip();
    assertFalse(text.contains("\n"), "one line: " + text);
    assertFalse(text.contains("\tat "), "no stack trace: " + text);
    return text;
  }

  @Test
  void noArgumentsMeanSimulateAndOptionsAloneGoToSimulateToo() {
    assertArrayEquals(new String[] {"simulate"}, Launcher.withDefaultCommand(new String[0]));
    assertArrayEquals(
        new String[] {"simulate", "--headless", "--days", "5"},
        Launcher.withDefaultCommand(new String[] {"--headless", "--days", "5"}));
    assertArrayEquals(
        new String[] {"--help"}, Launcher.withDefaultCommand(new String[] {"--help"}));
    assertArrayEquals(
        new String[] {"watch", "--gui"},
        Launcher.withDefaultCommand(new String[] {"watch", "--gui"}));
  }

  @Test
  void theHelpListsEveryCommand() {
    assertEquals(0, run("--help"));

    for (String command : List.of("market", "home", "weather", "external", "simulate", "watch")) {
      assertTrue(out.toString().contains("  " + command), command + " in:\n" + out);
    }
  }

  @Test
  void aKnownCommandBuildsOnlyItselfUnlessAConfigFileNeedsEveryCommand() throws Exception {
    PrintWriter sink = new PrintWriter(out);
    assertEquals(
        List.of("simulate"),
        List.copyOf(
            Launcher.commandLine(new String[] {"simulate", "--days", "3"}, sink, sink)
                .getSubcommands()
                .keySet()));
    List<String> every =
        List.of("market", "home", "weather", "external", "simulate", "sweep", "watch", "bench");
    assertEquals(
        every,
        List.copyOf(
            Launcher.commandLine(new String[] {"--help"}, sink, sink).getSubcommands().keySet()));
    Path file = config("market.day-length=0");
    assertEquals(
        every,
        List.copyOf(
            Launcher.commandLine(new String[] {"simulate", "--config", file.toString()}, sink, sink)
                .getSubcommands()
                .keySet()));
  }

  @Test
  void everyOptionOfSimulateAndWatchStatesItsDefault() {
    CommandLine commandLine =
        Launcher.commandLine(new String[0], new PrintWriter(out), new PrintWriter(err));
    for (String command : List.of("simulate", "watch")) {
      for (OptionSpec option :
          commandLine.getSubcommands().get(command).getCommandSpec().options()) {
        // --event comes from the market's PriceOptions, which lists each kind's default in
        // its text instead.
        if (option.usageHelp() || option.versionHelp() || option.longestName().equals("--event")) {
          continue;
        }
        String description = String.join(" ", option.description());
        assertTrue(
            description.contains("(default: "),
            command + " " + option.longestName() + " says no default: " + description);
      }
    }
    assertEquals(0, run("simulate", "--help"));
    assertTrue(out.toString().contains("Number of homes (default: 8)"), out.toString());
    assertTrue(out.toString().contains("Config file (--config FILE)"), out.toString());
  }

  @Test
  void anOutOfRangeFlagIsOneLineAndExitCodeTwo() {
    assertEquals(2, run("simulate", "--homes", "-1", "--results-dir", dir.toString()));
    assertTrue(oneErrorLine().contains("--homes -1 is out of range 0..1000000"), err.toString());
  }

  @Test
  void moreHomeProcessesThanHomesIsRefused() {
    assertEquals(2, run("simulate", "--homes", "3", "--home-processes", "5"));
    assertTrue(oneErrorLine().contains("--home-processes 5 is out of range 1..3"), err.toString());
  }

  @Test
  void anUnconvertibleFlagIsOneLine() {
    assertEquals(2, run("simulate", "--day-length", "soon"));
    assertTrue(oneErrorLine().contains("'soon' is not a duration"), err.toString());
  }

  @Test
  void anUnknownConfigKeyIsRefusedBeforeAnythingStarts() throws Exception {
    Path file = config("gama=0.9");
    Path results = dir.resolve("results");

    assertEquals(
        2, run("simulate", "--config", file.toString(), "--results-dir", results.toString()));

    String line = oneErrorLine();
    assertTrue(line.contains("unknown key 'gama'") && line.contains(file.toString()), line);
    assertFalse(Files.exists(results), "nothing started");
  }

  @Test
  void aKeyForAnotherCommandMustNameOneOfItsOptions() throws Exception {
    assertEquals(2, run("simulate", "--config", config("weather.gamma=0.9").toString()));
    assertTrue(
        oneErrorLine().contains("the weather command has no option --gamma"), err.toString());
  }

  @Test
  void aPrefixThatIsNoCommandIsRefused() throws Exception {
    assertEquals(2, run("simulate", "--config", config("markt.gamma=0.9").toString()));
    assertTrue(
        oneErrorLine().contains("'markt.' which is no command")
            || err.toString().contains("no command"),
        err.toString());
  }

  @Test
  void aBadConfigValueNamesTheKeyAndTheFile() throws Exception {
    Path file = config("gamma=abc");

    assertEquals(2, run("simulate", "--config", file.toString()));

    String line = oneErrorLine();
    assertTrue(line.contains("abc") && line.contains(file + ": gamma"), line);
  }

  @Test
  void anOutOfRangeConfigValueNamesTheKeyBeforeAnythingStarts() throws Exception {
    Path file = config("gamma=2");
    Path results = dir.resolve("results");

    assertEquals(
        2, run("simulate", "--config", file.toString(), "--results-dir", results.toString()));

    String line = oneErrorLine();
    assertTrue(line.contains("gamma 2.0 is out of range") && line.contains(file + ": gamma"), line);
    assertFalse(Files.exists(results), "nothing started");
  }

  @Test
  void roleCommandsTakeTheConfigFileToo() throws Exception {
    Path file = config("market.port=70000");

    assertEquals(
        2, run("market", "--config", file.toString(), "--data-dir", dir.resolve("d").toString()));

    String line = oneErrorLine();
    assertTrue(line.contains("--port 70000 is out of range") && line.contains("market.port"), line);
  }

  @Test
  void aMissingConfigFileIsOneLine() {
    assertEquals(2, run("simulate", "--config", dir.resolve("none.properties").toString()));
    assertTrue(oneErrorLine().contains("cannot be read"), err.toString());
  }

  @Test
  void watchGuiWithoutADisplayFailsClearly() {
    System.setProperty("java.awt.headless", "true");

    assertEquals(1, run("watch", "--gui", "--market", "127.0.0.1:1"));

    assertTrue(oneErrorLine().contains("watch --gui needs a display"), err.toString());
  }

  @Test
  void watchRefusesABadAddress() {
    assertEquals(2, run("watch", "--market", "host:99999"));
    assertTrue(oneErrorLine().contains("out of range 1..65535"), err.toString());
  }
}

package energy.market.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.home.HomeCommand;
import energy.market.home.HomeSecrets;
import energy.market.home.HomeSettingsFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The children's entry point: each role's help and errors read as the launcher's do, and anything
 * but a role is refused in one line, and a process of homes starts from its settings file. A run's
 * children start through it, so every simulate test runs it for real.
 */
class RoleMainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return RoleMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private int launcher(StringWriter launcherOut, String... args) {
    return Launcher.run(args, new PrintWriter(launcherOut, true), new PrintWriter(err, true));
  }

  @Test
  void eachRoleTakesTheLaunchersOptionsOfThatRoleButTheConfigFile() {
    for (String role : List.of("market", "home", "weather", "external")) {
      StringWriter launcherOut = new StringWriter();
      out.getBuffer().setLength(0);

      assertEquals(0, run(role, "--help"), role + err);
      assertEquals(0, launcher(launcherOut, role, "--help"), role + err);

      assertTrue(out.toString().startsWith("Usage: energy-market " + role), out.toString());
      // A child gets every value as a flag from simulate, which read the file.
      Set<String> expected = optionNames(launcherOut.toString());
      expected.remove("--config");
      assertEquals(expected, optionNames(out.toString()), role);
    }
  }

  private static Set<String> optionNames(String help) {
    return Pattern.compile("--[a-z][a-z-]*")
        .matcher(help)
        .results()
        .map(MatchResult::group)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void aBadOptionIsOneLineNamingTheRole() {
    assertEquals(2, run("home", "--count", "many"));

    String line = err.toString().strip();
    assertFalse(line.contains("\n"), line);
    assertTrue(line.startsWith("energy-market home: "), line);
    assertTrue(line.contains("--count"), line);
  }

  @Test
  void homeSettingsThatCannotBeReadAreOneLineWithExitCodeTwo(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("homes-1.settings");
    assertEquals(2, run(RoleMain.HOME_SETTINGS, missing.toString()));
    String line = err.toString().strip();
    assertTrue(line.startsWith("energy-market home: cannot read home settings " + missing), line);
    assertFalse(line.contains("\n"), line);

    err.getBuffer().setLength(0);
    Path other = dir.resolve("other.settings");
    Files.writeString(other, "market=127.0.0.1:1\n");
    assertEquals(2, run(RoleMain.HOME_SETTINGS, other.toString()));
    assertEquals(
        "energy-market home: home settings "
            + other
            + ": it has no line format=energy-market home settings 1; it is not home settings",
        err.toString().strip());
    assertEquals("", out.toString());
  }

  @Test
  void homeSettingsWithAnUnusableKeyFileStopBeforeAnythingStarts(@TempDir Path dir)
      throws Exception {
    Path state = Files.createDirectory(dir.resolve("state"));
    Path key = state.resolve(HomeSecrets.KEY_FILE);
    Files.writeString(key, "not a key\n");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    Path settings = dir.resolve("homes-1.settings");
    HomeSettingsFile.write(
        HomeCommand.settings(List.of("--name", "alice", "--state-dir", state.toString())),
        settings);

    assertEquals(2, run(RoleMain.HOME_SETTINGS, settings.toString()));

    String line = err.toString().strip();
    assertTrue(line.startsWith("energy-market home: key file " + key + " is damaged"), line);
    assertEquals("", out.toString());
  }

  @Test
  void anythingButARoleIsRefused() {
    assertEquals(2, run("simulate", "--days", "3"));
    assertEquals(
        "energy-market: the first argument must be a role, one of market, home, weather,"
            + " external; got 'simulate'",
        err.toString().strip());

    err.getBuffer().setLength(0);
    assertEquals(2, run());
    assertTrue(err.toString().strip().endsWith("; got none"), err.toString());
  }
}

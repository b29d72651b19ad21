package energy.market.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The children's entry point: each role's help and errors read as the launcher's do, and anything
 * but a role is refused in one line. A run's children start through it, so every simulate test runs
 * it for real.
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

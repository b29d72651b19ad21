package energy.market.launcher.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.launcher.Launcher;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Parsing, defaults and config precedence of simulate, in process, without starting anything. */
class SimulateCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private SimulateCommand parse(String... args) {
    CommandLine commandLine =
        Launcher.commandLine(args, new PrintWriter(out, true), new PrintWriter(err, true));
    commandLine.parseArgs(args);
    return commandLine.getSubcommands().get("simulate").getCommand();
  }

  private Path config(String... lines) throws Exception {
    Path file = dir.resolve("sim.properties");
    Files.write(file, List.of(lines));
    return file;
  }

  @Test
  void defaultsAreJourneyOne() {
    SimulateCommand simulate = parse("simulate", "--results-dir", dir.toString());

    assertEquals(8, simulate.homes);
    assertEquals(30, simulate.days);
    assertEquals(1, simulate.seed.seed());
    assertFalse(simulate.headless);
    assertNull(simulate.dayLength);
    RunSettings run = simulate.validate();
    assertEquals(8, run.shares().size(), "one process per home");
    assertEquals(SimulateCommand.WATCHABLE_DAY, run.dayLength());
    assertTrue(run.runId().endsWith("-s1"), run.runId());
    assertTrue(run.shmFile().getFileName().toString().endsWith(run.runId()));
    assertFalse(Files.exists(run.runDir()), "validation creates nothing");
  }

  @Test
  void headlessRunsAsFastAsPossibleUnlessADayLengthIsGiven() {
    assertEquals(
        Duration.ZERO,
        parse("simulate", "--headless", "--results-dir", dir.toString()).validate().dayLength());
    assertEquals(
        Duration.ofMillis(200),
        parse("simulate", "--headless", "--day-length", "200ms", "--results-dir", dir.toString())
            .validate()
            .dayLength());
  }

  @Test
  void spreadsHomesOverTheGivenProcesses() {
    RunSettings run =
        parse(
                "simulate",
                "--homes",
                "2000",
                "--home-processes",
                "3",
                "--results-dir",
                dir.toString())
            .validate();

    assertEquals(
        List.of(new HomeShare(1, 1, 667), new HomeShare(2, 668, 667), new HomeShare(3, 1335, 666)),
        run.shares());
    assertEquals(8, parse("simulate", "--homes", "2000").validate().shares().size());
  }

  @Test
  void passesModelOptionsOnToTheRolesThatUseThem() {
    RunSettings run =
        parse(
                "simulate",
                "--gamma",
                "0.5",
                "--comfort-low",
                "10",
                "--noise",
                "2",
                "--production",
                "10-20",
                "--probability",
                "storm=0.5,war=0",
                "--event",
                "storm=0.02:4",
                "--results-dir",
                dir.toString())
            .validate();

    assertTrue(
        run.forwardedTo("market").contains("--gamma=0.5"), run.forwardedTo("market").toString());
    assertTrue(run.forwardedTo("market").contains("--event=storm=0.02:4"));
    assertTrue(run.forwardedTo("market").contains("--comfort-low=10"));
    assertTrue(run.forwardedTo("home").contains("--comfort-low=10"));
    assertTrue(run.forwardedTo("home").contains("--production=10-20"));
    assertTrue(run.forwardedTo("weather").contains("--noise=2"));
    assertEquals(
        List.of("--probability=storm=0.5", "--probability=war=0"), run.forwardedTo("external"));
    assertFalse(run.forwardedTo("weather").contains("--gamma=0.5"));
  }

  @Test
  void theConfigFileSetsDefaultsAndFlagsWinOverIt() throws Exception {
    Path file =
        config(
            "homes=12",
            "days=7",
            "gamma=0.9",
            "market.gamma=0.8",
            "market.phase-deadline=2s",
            "home.policy=always-give",
            "weather.noise=1",
            "simulate.seed=42");

    SimulateCommand simulate =
        parse(
            "simulate",
            "--config",
            file.toString(),
            "--days",
            "3",
            "--results-dir",
            dir.toString());
    RunSettings run = simulate.validate();

    assertEquals(12, simulate.homes, "from the file");
    assertEquals(3, simulate.days, "the flag wins");
    assertEquals(42, run.seed(), "simulate.seed");
    assertEquals(Duration.ofSeconds(2), simulate.market.phaseDeadline(), "market.phase-deadline");
    assertTrue(run.forwardedTo("market").contains("--gamma=0.8"), "market.gamma beats gamma");
    assertTrue(run.forwardedTo("home").contains("--policy=always-give"));
    assertTrue(run.forwardedTo("weather").contains("--noise=1"));
    assertTrue(simulate.replay(run).contains("--days=3"), simulate.replay(run).toString());
    assertTrue(simulate.replay(run).contains("--gamma=0.8"));
  }

  @Test
  void theHomeModelAndItsKnobsComeFromFlagsOrTheConfigFileAndReachTheHomes() throws Exception {
    Path file = config("home-model=seasonal", "home.pv-size=1-4", "cloud-loss=0.5");

    RunSettings run =
        parse(
                "simulate",
                "--config",
                file.toString(),
                "--household",
                "8-12",
                "--results-dir",
                dir.toString())
            .validate();

    List<String> home = run.forwardedTo("home");
    assertTrue(home.contains("--home-model=seasonal"), home.toString());
    assertTrue(home.contains("--pv-size=1-4"), home.toString());
    assertTrue(home.contains("--cloud-loss=0.5"), home.toString());
    assertTrue(home.contains("--household=8-12"), home.toString());
    assertFalse(run.forwardedTo("market").contains("--home-model=seasonal"));
    assertTrue(
        parse("simulate", "--results-dir", dir.toString())
            .validate()
            .forwardedTo("home")
            .contains("--home-model=course"),
        "course is the default");
  }

  @Test
  void aBadSeasonalKnobStopsTheRunBeforeAnythingStarts() {
    ParameterException e =
        assertThrows(
            ParameterException.class,
            () ->
                parse("simulate", "--sun-hours", "2-30", "--results-dir", dir.toString())
                    .validate());
    assertTrue(e.getMessage().startsWith("--sun-hours 2.0-30.0 is not allowed"), e.getMessage());
  }

  @Test
  void theHelpShowsConfigValuesAsDefaults() throws Exception {
    Path file = config("homes=12");

    int code =
        Launcher.run(
            new String[] {"simulate", "--config", file.toString(), "--help"},
            new PrintWriter(out, true),
            new PrintWriter(err, true));

    assertEquals(0, code);
    assertTrue(out.toString().contains("Number of homes (default: 12)"), out.toString());
  }
}

package energy.market.launcher;

import energy.market.client.cli.OneLineErrors;
import energy.market.launcher.bench.BenchCommand;
import energy.market.launcher.config.ConfigDefaults;
import energy.market.launcher.config.ConfigException;
import energy.market.launcher.config.ConfigFile;
import energy.market.launcher.config.ConfigKeys;
import energy.market.launcher.config.ConfigOrigin;
import energy.market.launcher.simulate.LauncherArchive;
import energy.market.launcher.simulate.SimulateCommand;
import energy.market.launcher.sweep.SweepCommand;
import energy.market.launcher.watch.WatchCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * {@code energy-market}: one command for every role of the simulation. Without arguments it runs
 * {@code simulate} with its defaults (journey J1).
 */
@Command(
    name = "energy-market",
    mixinStandardHelpOptions = true,
    version = "energy-market 0.1.0",
    description = {
      "A distributed simulation of a local energy market on gRPC.",
      "Without a command: simulate with its defaults (the market, the weather and external"
          + " daemons and 8 homes as separate processes, 30 days, live view).",
      ""
    },
    footer = {
      "",
      "Every command takes --config FILE: a properties file of option defaults (see"
          + " energy-market simulate --help). Exit code 2 means bad options."
    })
public final class Launcher implements Callable<Integer> {
  /** Every command, in the order the help lists them. */
  private static final Map<String, Supplier<Object>> COMMANDS = commands();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    // Not reached: run() turns no arguments into "simulate".
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  public static void main(String[] args) {
    ProcessExit.runAndExit(Launcher::run, args);
  }

  /**
   * Runs the launcher with these arguments and streams; what {@link #main} does without exiting.
   *
   * @return the exit code
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    try {
      String[] effective = withDefaultCommand(args);
      CommandLine commandLine;
      try {
        commandLine = commandLine(effective, out, err);
      } catch (ConfigException e) {
        err.println("energy-market: " + e.getMessage());
        err.flush();
        return 2;
      }
      return commandLine.execute(effective);
    } finally {
      LauncherArchive.discardUnusedList();
    }
  }

  /**
   * The command tree for these arguments: with the config file they name, if any, as the source of
   * every command's defaults.
   *
   * @throws ConfigException when the config file cannot be read or has an unknown key
   */
  public static CommandLine commandLine(String[] args, PrintWriter out, PrintWriter err) {
    Optional<Path> config = ConfigFile.locate(args);
    // Picocli reads every option of every command it is given, by reflection, before it parses
    // anything: a fifth of a second on a cold JVM for the whole tree, most of it for commands that
    // will not run. A known command builds only itself, unless a config file's keys must be
    // checked against every command; help and mistakes get the whole tree.
    boolean oneCommand = config.isEmpty() && args.length > 0 && COMMANDS.containsKey(args[0]);
    CommandLine commandLine =
        commandLine(oneCommand ? List.of(args[0]) : List.copyOf(COMMANDS.keySet()), out, err);
    if (config.isPresent()) {
      useConfig(commandLine, ConfigFile.load(config.get()));
    }
    return commandLine;
  }

  /**
   * No arguments, or options only ({@code energy-market --headless --days 5}), mean {@code
   * simulate}; {@code --help} and {@code --version} stay the top command's.
   */
  public static String[] withDefaultCommand(String[] args) {
    if (args.length == 0) {
      return new String[] {"simulate"};
    }
    String first = args[0];
    boolean topLevel = List.of("-h", "--help", "-V", "--version").contains(first);
    if (first.startsWith("-") && !topLevel) {
      String[] withSimulate = new String[args.length + 1];
      withSimulate[0] = "simulate";
      System.arraycopy(args, 0, withSimulate, 1, args.length);
      return withSimulate;
    }
    return args;
  }

  /** The tree of these commands, with {@code --config} on every command and one-line errors. */
  private static CommandLine commandLine(List<String> commands, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Launcher());
    for (String name : commands) {
      commandLine.addSubcommand(name, COMMANDS.get(name).get());
    }
    commandLine.setOut(out);
    commandLine.setErr(err);
    addConfigOption(commandLine);
    for (CommandLine sub : commandLine.getSubcommands().values()) {
      addConfigOption(sub);
    }
    OneLineErrors.install(commandLine, new ConfigOrigin());
    return commandLine;
  }

  private static Map<String, Supplier<Object>> commands() {
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>(RoleMain.ROLES);
    commands.put("simulate", SimulateCommand::new);
    commands.put("sweep", SweepCommand::new);
    commands.put("watch", WatchCommand::new);
    commands.put("bench", BenchCommand::new);
    return commands;
  }

  private static void addConfigOption(CommandLine command) {
    if (command.getCommandSpec().findOption(ConfigFile.OPTION) != null) {
      return;
    }
    command
        .getCommandSpec()
        .addOption(
            OptionSpec.builder(ConfigFile.OPTION)
                .paramLabel("FILE")
                .type(String.class)
                .description(
                    "Properties file of option defaults: keys are option names without the"
                        + " dashes, optionally prefixed by a command name (gamma=0.9,"
                        + " market.day-length=0); flags win (default: none).")
                .build());
  }

  /** Checks the file's keys, then makes it the source of defaults of every command. */
  private static void useConfig(CommandLine root, ConfigFile file) {
    Map<String, CommandLine> commands = root.getSubcommands();
    ConfigKeys.check(file, commands);
    for (Map.Entry<String, CommandLine> entry : commands.entrySet()) {
      Map<String, List<String>> roles =
          entry.getKey().equals("simulate")
              ? SimulateCommand.forwardedRoles(entry.getValue().getCommandSpec())
              : Map.of();
      entry.getValue().setDefaultValueProvider(new ConfigDefaults(file, entry.getKey(), roles));
    }
  }
}

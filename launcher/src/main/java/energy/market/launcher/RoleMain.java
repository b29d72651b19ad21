package energy.market.launcher;

import energy.market.client.cli.OneLineErrors;
import energy.market.external.ExternalCommand;
import energy.market.home.HomeCommand;
import energy.market.server.MarketCommand;
import energy.market.weather.WeatherCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The entry point of the processes {@code simulate} starts: {@code RoleMain ROLE OPTIONS...} runs
 * one role's command exactly as {@code energy-market ROLE OPTIONS...} would, without building the
 * rest of the command tree.
 *
 * <p>Why a second entry point: picocli reads every option of every command of the tree by
 * reflection when the tree is built, and the launcher's tree holds simulate, sweep and bench with
 * hundreds of options. A one-home process spent about a fifth of its start-up CPU on that, and kept
 * the classes and option models in its memory; a run starts ten or more such processes on the same
 * cores at once. Users keep one command: the launcher's tree still holds every role.
 */
public final class RoleMain {
  /** Each role's command, in the order the error (and the launcher's help) names them. */
  static final Map<String, Supplier<Object>> ROLES = roles();

  /** {@code RoleMain --home-settings FILE}: a process of homes from its settings file. */
  public static final String HOME_SETTINGS = "--home-settings";

  /** Only the name: qualified names and errors read {@code energy-market ROLE ...} as before. */
  @Command(name = "energy-market")
  static final class Root {}

  private RoleMain() {}

  public static void main(String[] args) {
    ProcessExit.runAndExit(RoleMain::run, args);
  }

  /**
   * Runs the role named by the first argument with the rest, or a process of homes from its
   * settings file ({@value #HOME_SETTINGS} FILE); what {@link #main} does without exiting.
   *
   * @return the role's exit code, or 2 when no known role is named
   */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    if (args.length == 2 && args[0].equals(HOME_SETTINGS)) {
      return HomeSettingsRole.run(Path.of(args[1]), out, err);
    }
    Supplier<Object> command = args.length == 0 ? null : ROLES.get(args[0]);
    if (command == null) {
      err.println(
          "energy-market: the first argument must be a role, one of "
              + String.join(", ", ROLES.keySet())
              + (args.length == 0 ? "; got none" : "; got '" + args[0] + "'"));
      err.flush();
      return 2;
    }
    if (args[0].equals("market")) {
      MarketCommand.preloadInBackground();
    }
    CommandLine root = new CommandLine(new Root());
    root.addSubcommand(args[0], command.get());
    root.setOut(out);
    root.setErr(err);
    OneLineErrors.install(root);
    return root.execute(args);
  }

  private static Map<String, Supplier<Object>> roles() {
    // Named here, not in the launcher: this class must not need the launcher's own commands.
    Map<String, Supplier<Object>> roles = new LinkedHashMap<>();
    roles.put("market", MarketCommand::new);
    roles.put("home", HomeCommand::new);
    roles.put("weather", WeatherCommand::new);
    roles.put("external", ExternalCommand::new);
    return Collections.unmodifiableMap(roles);
  }
}

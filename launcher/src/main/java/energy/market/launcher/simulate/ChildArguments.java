package energy.market.launcher.simulate;

import energy.market.external.ExternalCommand;
import energy.market.home.HomeCommand;
import energy.market.server.MarketCommand;
import energy.market.weather.WeatherCommand;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Parses each child's command line with the child's own command, in this process, before anything
 * starts: an option a child would refuse stops the run here, with the child's message, instead of
 * as a dead process later.
 */
final class ChildArguments {
  private ChildArguments() {}

  /**
   * @throws IllegalArgumentException naming the role and what it refused
   */
  static void check(RunSettings run) {
    ChildCommands commands = new ChildCommands(run);
    List<ChildSpec> specs = new ArrayList<>();
    specs.add(commands.market());
    specs.add(commands.weather(1, 0));
    specs.add(commands.external(1));
    if (!run.shares().isEmpty()) {
      specs.add(commands.homes(run.shares().get(0), 1, 1));
    }
    for (ChildSpec spec : specs) {
      try {
        commandFor(spec.role()).parseArgs(spec.args().toArray(String[]::new));
      } catch (ParameterException e) {
        throw new IllegalArgumentException(spec.role() + ": " + e.getMessage());
      }
    }
  }

  private static CommandLine commandFor(String role) {
    return switch (role) {
      case "market" -> new CommandLine(new MarketCommand());
      case "weather" -> new CommandLine(new WeatherCommand());
      case "external" -> new CommandLine(new ExternalCommand());
      case "home" -> new CommandLine(new HomeCommand());
      default -> throw new IllegalStateException("no role " + role);
    };
  }
}

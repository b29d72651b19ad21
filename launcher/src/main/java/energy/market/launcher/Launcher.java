package energy.market.launcher;

import energy.market.external.ExternalCommand;
import energy.market.home.HomeCommand;
import energy.market.server.MarketCommand;
import energy.market.weather.WeatherCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code energy-market}: one command for every role of the simulation. */
@Command(
    name = "energy-market",
    mixinStandardHelpOptions = true,
    version = "energy-market 0.1.0",
    description = "A distributed simulation of a local energy market on gRPC.",
    subcommands = {
      MarketCommand.class,
      HomeCommand.class,
      WeatherCommand.class,
      ExternalCommand.class
    })
public final class Launcher implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Launcher()).execute(args));
  }
}

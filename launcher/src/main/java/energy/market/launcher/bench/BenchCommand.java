package energy.market.launcher.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code energy-market bench}: the performance bars, measured on this machine. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmarks against a real market process on 127.0.0.1. Run each a few times and quote "
          + "the median: a shared machine is noisy.",
      "Exit codes: 0 measured, every call answered; 1 some calls failed or the market did not"
          + " start; 2 bad options; 130 Ctrl-C (SIGINT); 143 SIGTERM.",
      ""
    },
    subcommands = {
      TradesBench.class,
      FeedBench.class,
      BaselineCommand.class,
      FsyncBench.class,
      StartBench.class,
      MicroBench.class,
      EchoServerCommand.class
    })
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}

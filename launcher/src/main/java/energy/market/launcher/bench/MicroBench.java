package energy.market.launcher.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench micro}: the JMH micro-benchmarks of the market's hot domain code ({@code
 * bench.micro}), run by JMH's own runner from this jar, with JMH's own options.
 */
@Command(
    name = "micro",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the JMH micro-benchmarks of the market's hot domain code: price update, gift"
          + " matching, day settlement, and a batch of trades kept in a SQLite ledger in a"
          + " temporary directory. Each runs in its own JVM (1 fork, 3 x 1 s warm-up, 5 x 1 s"
          + " measured) unless JMH options say otherwise.",
      "JMH options and benchmark name patterns go after --, e.g. `bench micro -- -f 2 -i 10"
          + " Ledger` or `bench micro -- -lprof`; `bench micro -- -h` lists them all.",
      ""
    })
public final class MicroBench implements Callable<Integer> {
  /** Every benchmark of this jar lives here; a run without a pattern runs them all. */
  static final String PACKAGE = "energy.market.launcher.bench.micro";

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "JMH_OPTION",
      arity = "0..*",
      description = "JMH options and benchmark patterns (regular expressions), after --.")
  List<String> jmhArguments = new ArrayList<>();

  @Override
  public Integer call() throws RunnerException, IOException {
    CommandLineOptions options;
    try {
      options = new CommandLineOptions(withDefaultPattern(jmhArguments));
    } catch (CommandLineOptionException e) {
      throw new ParameterException(
          spec.commandLine(),
          "bad JMH option: " + e.getMessage() + "; `bench micro -- -h` lists them");
    }
    if (options.shouldHelp()) {
      options.showHelp();
      return 0;
    }
    if (options.shouldList()) {
      new Runner(options).list();
      return 0;
    }
    return new Runner(options).run().isEmpty() ? 1 : 0;
  }

  /** Without a benchmark pattern, JMH would run every benchmark on the class path: only ours. */
  private static String[] withDefaultPattern(List<String> arguments)
      throws CommandLineOptionException {
    CommandLineOptions parsed = new CommandLineOptions(arguments.toArray(String[]::new));
    List<String> effective = new ArrayList<>(arguments);
    if (parsed.getIncludes().isEmpty()) {
      effective.add(PACKAGE.replace(".", "\\.") + "\\..*");
    }
    return effective.toArray(String[]::new);
  }
}

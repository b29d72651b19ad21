package energy.market.launcher.bench;

import picocli.CommandLine.Option;

/** {@code --runs}, as a Picocli mixin: every bench repeats its measurement the same way. */
final class RunsOption {
  @Option(
      names = "--runs",
      description =
          "Measure this many times, each with a fresh server, and print median [min..max] of"
              + " every figure (default: ${DEFAULT-VALUE}).",
      defaultValue = "3")
  int runs;
}

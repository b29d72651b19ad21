package energy.market.launcher.bench;

import picocli.CommandLine.Option;

/**
 * {@code --no-baseline}, as a Picocli mixin: the market benches measure the transport's own figure
 * just before each of their runs unless told not to.
 */
final class BaselineOption {
  @Option(
      names = "--no-baseline",
      negatable = false,
      description =
          "Skip the transport baseline (bench baseline) measured just before each run and"
              + " printed beside the market's figures with their ratio (default: measured).")
  boolean skip;
}

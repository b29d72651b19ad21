package energy.market.client.cli;

import picocli.CommandLine.Option;

/**
 * {@code --seed N}: the seed of a process's random draws, as a Picocli mixin. Every role takes the
 * same seed from {@code simulate}, so one number reproduces a whole run.
 */
public final class SeedOption {
  /** The seed when none is given. */
  public static final String DEFAULT = "1";

  @Option(
      names = "--seed",
      paramLabel = "N",
      description =
          "Seed of the random draws (the gift order, the homes' energy, the weather, random "
              + "events): the same seed and options give the same run (default: ${DEFAULT-VALUE}).",
      defaultValue = DEFAULT)
  long seed = Long.parseLong(DEFAULT);

  /** The seed given, or the default. */
  public long seed() {
    return seed;
  }
}

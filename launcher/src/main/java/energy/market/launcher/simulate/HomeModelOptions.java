package energy.market.launcher.simulate;

import energy.market.home.HomeEnergyOptions;
import energy.market.home.PolicyMix;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The homes' model options of {@code simulate}, passed on to every home process. */
public final class HomeModelOptions {
  /** A mix of the three policies, so a run shows each of them. */
  static final String DEFAULT_POLICY = "always-sell=1,always-give=1,sell-if-no-takers=1";

  @Option(
      names = "--policy",
      paramLabel = "POLICY|MIX",
      description =
          "Trade policy of the homes: always-sell, always-give or sell-if-no-takers, or a mix by "
              + "shares; a home's policy in a mix follows from the seed and its name "
              + "(default: ${DEFAULT-VALUE}).",
      defaultValue = DEFAULT_POLICY)
  String policy;

  @Mixin HomeEnergyOptions energy = new HomeEnergyOptions();

  @Option(
      names = "--name-prefix",
      paramLabel = "PREFIX",
      description = "Homes are named PREFIX-1, PREFIX-2... (default: ${DEFAULT-VALUE}).",
      defaultValue = "home")
  String namePrefix;

  /**
   * Checks the options as the home processes will read them.
   *
   * @throws IllegalArgumentException saying which option is wrong and what is allowed
   */
  void validate(long seed, double comfortLow, double comfortHigh) {
    energy.parameters(comfortLow, comfortHigh);
    PolicyMix.parse(policy, seed);
    if (!namePrefix.matches("[A-Za-z0-9._-]{1,40}")) {
      throw new IllegalArgumentException(
          "--name-prefix '"
              + namePrefix
              + "' is not allowed; use 1 to 40 letters, digits, '.', '-', '_'");
    }
  }
}

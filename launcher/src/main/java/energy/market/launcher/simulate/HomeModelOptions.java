package energy.market.launcher.simulate;

import energy.market.home.HomeParameterText;
import energy.market.home.PolicyMix;
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

  @Option(
      names = "--production",
      paramLabel = "MIN-MAX",
      description = "Daily production range of a home, kWh (default: ${DEFAULT-VALUE}).",
      defaultValue = "20-80")
  String production;

  @Option(
      names = "--consumption",
      paramLabel = "MIN-MAX",
      description =
          "Daily consumption range of a home on a comfortable day, kWh (default: ${DEFAULT-VALUE}).",
      defaultValue = "6-60")
  String consumption;

  @Option(
      names = "--heating",
      paramLabel = "KWH",
      description =
          "Extra consumption per degree below --comfort-low, kWh (default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  String heating;

  @Option(
      names = "--cooling",
      paramLabel = "KWH",
      description =
          "Extra consumption per degree above --comfort-high, kWh (default: ${DEFAULT-VALUE}).",
      defaultValue = "0.8")
  String cooling;

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
    HomeParameterText.parse(production, consumption, heating, cooling, comfortLow, comfortHigh);
    PolicyMix.parse(policy, seed);
    if (!namePrefix.matches("[A-Za-z0-9._-]{1,40}")) {
      throw new IllegalArgumentException(
          "--name-prefix '"
              + namePrefix
              + "' is not allowed; use 1 to 40 letters, digits, '.', '-', '_'");
    }
  }
}

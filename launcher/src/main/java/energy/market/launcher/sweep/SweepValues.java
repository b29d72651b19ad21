package energy.market.launcher.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The values a sweep takes, as options: a comma-separated list per simulate option swept, the
 * seeds, and the sweep's id; read into a {@link SweepDefinition}.
 */
public final class SweepValues {
  /** The simulate options with a sweep flag of their own, in product order. */
  private static final Set<String> OWN_FLAGS =
      Set.of(
          "home-model",
          "policy",
          "homes",
          "days",
          "gamma",
          "alpha-net",
          "alpha-temp",
          "reference-price");

  @Option(
      names = "--home-model",
      paramLabel = "LIST",
      description = "Home models to compare: course, seasonal (default: simulate's).")
  String homeModel;

  @Option(
      names = "--policy",
      paramLabel = "LIST",
      description =
          "Trade policies to compare: always-sell, always-give, sell-if-no-takers, or a mix with"
              + " its shares joined by '+', like always-sell=1+always-give=1 (default: simulate's"
              + " mix of the three).")
  String policy;

  @Option(
      names = "--homes",
      paramLabel = "LIST",
      description = "Numbers of homes (default: simulate's).")
  String homes;

  @Option(
      names = "--days",
      paramLabel = "LIST",
      description = "Days each run simulates (default: simulate's).")
  String days;

  @Option(
      names = "--gamma",
      paramLabel = "LIST",
      description = "Price coefficients gamma, the price's memory (default: simulate's).")
  String gamma;

  @Option(
      names = "--alpha-net",
      paramLabel = "LIST",
      description = "Price coefficients alpha-net, the pull of net demand (default: simulate's).")
  String alphaNet;

  @Option(
      names = "--alpha-temp",
      paramLabel = "LIST",
      description = "Price coefficients alpha-temp, the pull of temperature (default: simulate's).")
  String alphaTemp;

  @Option(
      names = "--reference-price",
      paramLabel = "LIST",
      description = "Reference prices the price reverts to, EUR/kWh (default: simulate's).")
  String referencePrice;

  @Option(
      names = "--vary",
      paramLabel = "NAME=LIST",
      split = ";",
      description =
          "Any other simulate option and its values, for example --vary production=10-50,20-80;"
              + " repeatable. One value sets that option for every run.")
  List<String> vary = new ArrayList<>();

  @Option(
      names = "--seeds",
      paramLabel = "SEEDS",
      description =
          "Seeds, each scenario run once per seed: numbers and ranges, like 1-5 or 1,3,7"
              + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  String seeds;

  @Option(
      names = "--id",
      paramLabel = "ID",
      description =
          "The sweep's id, its directory's name (default: sweep- and a digest of the values, so"
              + " the same sweep, or another shard of it, finds the same directory).")
  String id;

  /** The swept parameters from the options, in product order, the seed last. */
  public SweepDefinition definition() {
    List<SweepParameter> parameters = new ArrayList<>();
    addList(parameters, "--home-model", "home-model", homeModel);
    addList(parameters, "--policy", "policy", policy);
    addList(parameters, "--homes", "homes", homes);
    addList(parameters, "--days", "days", days);
    addList(parameters, "--gamma", "gamma", gamma);
    addList(parameters, "--alpha-net", "alpha-net", alphaNet);
    addList(parameters, "--alpha-temp", "alpha-temp", alphaTemp);
    addList(parameters, "--reference-price", "reference-price", referencePrice);
    for (String entry : vary) {
      SweepParameter parameter = ParameterLists.vary(entry, OWN_FLAGS);
      if (parameters.stream().anyMatch(p -> p.name().equals(parameter.name()))) {
        throw new IllegalArgumentException("--vary " + parameter.name() + " is given twice");
      }
      parameters.add(parameter);
    }
    parameters.add(ParameterLists.seeds(seeds));
    return new SweepDefinition(id != null ? id : SweepDefinition.defaultId(parameters), parameters);
  }

  private static void addList(
      List<SweepParameter> parameters, String option, String name, String list) {
    if (list != null) {
      parameters.add(ParameterLists.values(option, name, list));
    }
  }
}

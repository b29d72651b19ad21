package energy.market.client.cli;

import picocli.CommandLine.Option;

/**
 * {@code --comfort-low} and {@code --comfort-high}: the temperatures between which homes neither
 * heat nor cool. The market prices heating and cooling degrees with them and the homes consume with
 * them, so both read them from this one mixin.
 */
public final class ComfortBandOptions {
  /** Below this temperature homes heat, Celsius. */
  public static final String DEFAULT_LOW = "15";

  /** Above this temperature homes cool, Celsius. */
  public static final String DEFAULT_HIGH = "22";

  @Option(
      names = "--comfort-low",
      paramLabel = "C",
      description = "Below this temperature homes heat, Celsius (default: ${DEFAULT-VALUE}).",
      defaultValue = DEFAULT_LOW)
  double low = Double.parseDouble(DEFAULT_LOW);

  @Option(
      names = "--comfort-high",
      paramLabel = "C",
      description = "Above this temperature homes cool, Celsius (default: ${DEFAULT-VALUE}).",
      defaultValue = DEFAULT_HIGH)
  double high = Double.parseDouble(DEFAULT_HIGH);

  /** The lower edge of the band, Celsius. */
  public double low() {
    return low;
  }

  /** The upper edge of the band, Celsius. */
  public double high() {
    return high;
  }
}

package energy.market.server;

import energy.market.client.cli.ComfortBandOptions;
import energy.market.model.EventKind;
import energy.market.server.price.EventCatalog;
import energy.market.server.price.EventSpec;
import energy.market.server.price.PriceParameters;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The price model's options, shared by every command that runs a market; their defaults are {@link
 * PriceParameters#DEFAULTS} and {@link EventCatalog#defaults()} ({@code PriceOptionsTest} checks).
 */
public final class PriceOptions {
  /**
   * The default event catalog as the help shows it; {@code PriceOptionsTest} checks that it says
   * what {@link EventCatalog#defaults()} holds.
   */
  static final String DEFAULT_CATALOG =
      "fuel-shortage (+0.015 for 7 days), war (+0.02 for 30), new-energy-law (-0.01 for 20), "
          + "storm (+0.01 for 3), cold-snap (+0.012 for 5)";

  @Option(
      names = "--initial-price",
      converter = EuroPerKwh.class,
      paramLabel = "EUR",
      description = "Price of day 1, EUR/kWh (default: ${DEFAULT-VALUE}).",
      defaultValue = "0.17")
  long initialMicro;

  @Option(
      names = "--reference-price",
      converter = EuroPerKwh.class,
      paramLabel = "EUR",
      description = "Level the price reverts to (Pref), EUR/kWh (default: ${DEFAULT-VALUE}).",
      defaultValue = "0.17")
  long referenceMicro;

  @Option(
      names = "--gamma",
      paramLabel = "G",
      description =
          "Share of yesterday's distance from the reference price that remains, 0..1 "
              + "(default: ${DEFAULT-VALUE}).",
      defaultValue = "0.92")
  double gamma;

  @Option(
      names = "--alpha-net",
      paramLabel = "MICRO",
      description =
          "Price move per kWh of net demand (bought - sold) per home, micro-EUR/kWh "
              + "(default: ${DEFAULT-VALUE}).",
      defaultValue = "150")
  double alphaNet;

  @Option(
      names = "--alpha-temp",
      paramLabel = "MICRO",
      description =
          "Price move per heating or cooling degree, micro-EUR/kWh (default: ${DEFAULT-VALUE}).",
      defaultValue = "250")
  double alphaTemp;

  @Mixin(name = "comfort")
  ComfortBandOptions comfort = new ComfortBandOptions();

  @Option(
      names = "--price-floor",
      converter = EuroPerKwh.class,
      paramLabel = "EUR",
      description = "Lowest price, EUR/kWh (default: ${DEFAULT-VALUE}).",
      defaultValue = "0.02")
  long floorMicro;

  @Option(
      names = "--price-cap",
      converter = EuroPerKwh.class,
      paramLabel = "EUR",
      description = "Highest price, EUR/kWh (default: ${DEFAULT-VALUE}).",
      defaultValue = "1.5")
  long capMicro;

  @Option(
      names = "--event",
      paramLabel = "KIND=EUR:DAYS",
      description =
          "Override an event's first-day price effect (EUR/kWh, signed) and duration, for "
              + "example cold-snap=0.02:4. Repeatable. Kinds: "
              + DEFAULT_CATALOG
              + " (default: that catalog).")
  List<String> events = new ArrayList<>();

  /** The price coefficients, validated. */
  public PriceParameters parameters() {
    return new PriceParameters(
        initialMicro,
        referenceMicro,
        gamma,
        alphaNet,
        alphaTemp,
        comfort.low(),
        comfort.high(),
        floorMicro,
        capMicro);
  }

  /** The event catalog with the overrides applied. */
  public EventCatalog catalog() {
    EventCatalog catalog = EventCatalog.defaults();
    for (String event : events) {
      int equals = event.indexOf('=');
      int colon = event.lastIndexOf(':');
      if (equals < 1 || colon < equals) {
        throw new IllegalArgumentException(
            "--event '" + event + "' is not KIND=EUR:DAYS, for example storm=0.01:3");
      }
      EventKind kind = EventKind.parse(event.substring(0, equals));
      long effect = EuroPerKwh.toMicro(event.substring(equals + 1, colon), true);
      int days;
      try {
        days = Integer.parseInt(event.substring(colon + 1).trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--event '"
                + event
                + "': duration '"
                + event.substring(colon + 1)
                + "' is not a number of days");
      }
      catalog = catalog.with(kind, new EventSpec(effect, days));
    }
    return catalog;
  }

  /** Reads a price in EUR/kWh with at most six decimals into micro-euros per kWh. */
  public static final class EuroPerKwh implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return toMicro(value, false);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }

    static long toMicro(String value, boolean signed) {
      BigDecimal euros;
      try {
        euros = new BigDecimal(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "'" + value + "' is not a price in EUR/kWh, for example 0.17");
      }
      if (!signed && euros.signum() < 0) {
        throw new IllegalArgumentException("price " + value + " EUR/kWh is negative");
      }
      if (euros.abs().compareTo(BigDecimal.valueOf(1000)) > 0) {
        throw new IllegalArgumentException("price " + value + " EUR/kWh is above 1000");
      }
      try {
        return euros.movePointRight(6).longValueExact();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(
            "price " + value + " EUR/kWh has more than six decimals (micro-euro precision)");
      }
    }
  }
}

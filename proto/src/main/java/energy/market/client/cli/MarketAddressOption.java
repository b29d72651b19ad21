package energy.market.client.cli;

import energy.market.client.MarketAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --market HOST:PORT}: the market a process talks to, as a Picocli mixin. */
public final class MarketAddressOption {
  @Option(
      names = "--market",
      paramLabel = "HOST:PORT",
      converter = Converter.class,
      description = "The market's address (default: ${DEFAULT-VALUE}).",
      defaultValue = "localhost:" + MarketAddress.DEFAULT_PORT)
  MarketAddress market = MarketAddress.DEFAULT;

  /** The address given, or the default. */
  public MarketAddress address() {
    return market;
  }

  /** Reads {@code host:port} with the one-line errors of {@link MarketAddress#parse}. */
  public static final class Converter implements ITypeConverter<MarketAddress> {
    @Override
    public MarketAddress convert(String value) {
      try {
        return MarketAddress.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}

package energy.market.launcher.bench;

import picocli.CommandLine.Option;

/**
 * {@code --tls}, as a Picocli mixin: every bench starts its own market through {@link
 * MarketUnderTest}, so every bench offers the same switch with the same meaning.
 */
final class BenchTlsOption {
  @Option(
      names = "--tls",
      description =
          "Run the market over TLS, with certificates made for the run, and connect over TLS"
              + " (default: off, plaintext).")
  boolean enabled;
}

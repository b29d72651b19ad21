package energy.market.client.cli;

import energy.market.client.ClientTls;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --tls-ca}, {@code --tls-cert}, {@code --tls-key}: how a client reaches the servers it
 * talks to (plaintext, TLS, or mutual TLS), as a Picocli mixin. The same names in every role.
 */
public final class ClientTlsOptions {
  @Option(
      names = "--tls-ca",
      paramLabel = "FILE",
      description =
          "Connect over TLS, trusting servers whose certificate this CA (PEM) signed; the"
              + " certificate must name the host given in the address (default: plaintext).")
  Path trustedCa;

  @Option(
      names = "--tls-cert",
      paramLabel = "FILE",
      description =
          "This client's certificate (PEM), presented to servers that require mutual TLS; needs"
              + " --tls-ca and --tls-key (default: none).")
  Path certificate;

  @Option(
      names = "--tls-key",
      paramLabel = "FILE",
      description =
          "The private key of --tls-cert (PEM, PKCS#8 as openssl writes it) (default: none).")
  Path key;

  /**
   * The configuration these options ask for.
   *
   * @throws IllegalArgumentException one line naming the option and what is wrong
   */
  public ClientTls resolve() {
    check();
    return trustedCa == null
        ? ClientTls.PLAINTEXT
        : ClientTls.trusting(trustedCa, certificate, key);
  }

  /**
   * Checks that the options go together, without reading the files.
   *
   * @throws IllegalArgumentException one line naming the option and what is wrong
   */
  public void check() {
    if (trustedCa == null) {
      if (certificate != null || key != null) {
        throw new IllegalArgumentException(
            "--tls-cert and --tls-key need --tls-ca (the CA that signed the server's certificate)");
      }
      return;
    }
    if ((certificate == null) != (key == null)) {
      throw new IllegalArgumentException("--tls-cert and --tls-key go together");
    }
  }

  /** {@code --tls-ca}, or null for plaintext. */
  public Path trustedCa() {
    return trustedCa;
  }

  /** {@code --tls-cert}, or null. */
  public Path certificate() {
    return certificate;
  }

  /** {@code --tls-key}, or null. */
  public Path key() {
    return key;
  }
}

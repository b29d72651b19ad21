package energy.market.client.cli;

import energy.market.client.ClientTls;
import energy.market.client.ServerTls;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --tls-cert}, {@code --tls-key}, {@code --tls-client-ca}: how a server accepts connections
 * (plaintext, TLS, or mutual TLS), as a Picocli mixin. The same names in every role that serves.
 */
public final class ServerTlsOptions {
  @Option(
      names = "--tls-cert",
      paramLabel = "FILE",
      description =
          "Serve over TLS with this certificate (PEM, with its chain); it must name the host"
              + " clients connect to (default: plaintext).")
  Path certificate;

  @Option(
      names = "--tls-key",
      paramLabel = "FILE",
      description =
          "The private key of --tls-cert (PEM, PKCS#8 as openssl writes it) (default: none).")
  Path key;

  @Option(
      names = "--tls-client-ca",
      paramLabel = "FILE",
      description =
          "Mutual TLS: accept only clients presenting a certificate this CA (PEM) signed; needs"
              + " --tls-cert (default: any client).")
  Path clientCa;

  /**
   * The configuration these options ask for.
   *
   * @throws IllegalArgumentException one line naming the option and what is wrong
   */
  public ServerTls resolve() {
    if (certificate == null && key == null) {
      if (clientCa != null) {
        throw new IllegalArgumentException("--tls-client-ca needs --tls-cert and --tls-key");
      }
      return ServerTls.PLAINTEXT;
    }
    if (certificate == null || key == null) {
      throw new IllegalArgumentException("--tls-cert and --tls-key go together");
    }
    return ServerTls.of(certificate, key, clientCa);
  }

  /**
   * The configuration of a process that serves and is also a client (the weather daemon): it trusts
   * {@code trustedCa} and presents its own server certificate as its client certificate.
   *
   * @param trustedCa the CA of the servers it connects to, or null for plaintext
   */
  public ClientTls asClientTrusting(Path trustedCa) {
    if (trustedCa == null) {
      return ClientTls.PLAINTEXT;
    }
    return ClientTls.trusting(trustedCa, certificate, key);
  }
}

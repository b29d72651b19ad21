package energy.market.launcher.simulate;

import energy.market.client.ClientTls;
import energy.market.launcher.tls.ThrowawayCa;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's transport: plaintext, or ({@code simulate --tls}) mutual TLS with certificates from a CA
 * made for the run, in {@code <run-dir>/tls/}. Servers present the server certificate and require a
 * client certificate from the same CA; clients present the client certificate.
 */
final class RunTls {
  /** The directory of the run's certificates, inside the run's directory. */
  static final String DIR = "tls";

  static final RunTls PLAINTEXT = new RunTls(null);

  private final ThrowawayCa.TlsFiles files;

  private RunTls(ThrowawayCa.TlsFiles files) {
    this.files = files;
  }

  /** Makes the run's CA and certificates in {@code runDir/tls}. */
  static RunTls makeIn(Path runDir) throws IOException {
    return new RunTls(ThrowawayCa.write(runDir.resolve(DIR)));
  }

  /** The market's TLS options. */
  List<String> server() {
    if (files == null) {
      return List.of();
    }
    return List.of(
        "--tls-cert",
        files.serverCert().toString(),
        "--tls-key",
        files.serverKey().toString(),
        "--tls-client-ca",
        files.ca().toString());
  }

  /** The weather daemon's: its server's, and the CA of the market it connects to. */
  List<String> serverAndClient() {
    if (files == null) {
      return List.of();
    }
    List<String> args = new ArrayList<>(server());
    args.addAll(List.of("--tls-ca", files.ca().toString()));
    return args;
  }

  /** A client's TLS options: homes and the external daemon. */
  List<String> client() {
    if (files == null) {
      return List.of();
    }
    return List.of(
        "--tls-ca",
        files.ca().toString(),
        "--tls-cert",
        files.clientCert().toString(),
        "--tls-key",
        files.clientKey().toString());
  }

  /** The launcher's own channels (health probes, the live view's feed). */
  ClientTls channels() {
    if (files == null) {
      return ClientTls.PLAINTEXT;
    }
    return ClientTls.trusting(files.ca(), files.clientCert(), files.clientKey());
  }
}

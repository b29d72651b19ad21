package energy.market.client;

import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * How a server of the simulation (the market, the weather daemon's stream) accepts connections: in
 * plaintext, over TLS with its certificate, or over mutual TLS, where every client must present a
 * certificate signed by a CA the server trusts. The files are read and checked when the
 * configuration is made.
 */
public final class ServerTls {
  /** No TLS. */
  public static final ServerTls PLAINTEXT = new ServerTls(null, null, null);

  private final byte[] certificate;
  private final byte[] key;
  private final byte[] clientCa;

  private ServerTls(byte[] certificate, byte[] key, byte[] clientCa) {
    this.certificate = certificate;
    this.key = key;
    this.clientCa = clientCa;
  }

  /**
   * TLS with this server's certificate and key (PEM, the key PKCS#8).
   *
   * @param clientCa the CA whose certificates clients must present (mutual TLS), or null to accept
   *     any client
   * @throws IllegalArgumentException one line naming a file that cannot be used
   */
  public static ServerTls of(Path certificate, Path key, Path clientCa) {
    return new ServerTls(
        PemFiles.certificates(certificate),
        PemFiles.privateKey(key),
        clientCa == null ? null : PemFiles.certificates(clientCa));
  }

  /** Whether the server uses TLS. */
  public boolean enabled() {
    return certificate != null;
  }

  /** Whether clients must present a certificate. */
  public boolean mutual() {
    return clientCa != null;
  }

  /** The credentials to build the server with. */
  public ServerCredentials credentials() {
    if (!enabled()) {
      return InsecureServerCredentials.create();
    }
    try {
      TlsServerCredentials.Builder builder =
          TlsServerCredentials.newBuilder()
              .keyManager(new ByteArrayInputStream(certificate), new ByteArrayInputStream(key));
      if (clientCa != null) {
        builder
            .trustManager(new ByteArrayInputStream(clientCa))
            .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
      }
      return builder.build();
    } catch (IOException e) {
      // Streams over bytes in memory do not fail.
      throw new UncheckedIOException(e);
    }
  }
}

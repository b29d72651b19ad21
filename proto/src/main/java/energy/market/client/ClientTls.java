package energy.market.client;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.TlsChannelCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * How a client reaches its servers: in plaintext, or over TLS trusting one CA, optionally
 * presenting a certificate of its own for servers that require mutual TLS. The files are read and
 * checked once, when the configuration is made, so a bad file stops a process at start and not at
 * its first call.
 */
public final class ClientTls {
  /** No TLS: the transport of a simulation on one machine. */
  public static final ClientTls PLAINTEXT = new ClientTls(null, null, null);

  private final byte[] trustedCa;
  private final byte[] certificate;
  private final byte[] key;

  private ClientTls(byte[] trustedCa, byte[] certificate, byte[] key) {
    this.trustedCa = trustedCa;
    this.certificate = certificate;
    this.key = key;
  }

  /**
   * TLS that trusts the servers whose certificates {@code trustedCa} signed.
   *
   * @param trustedCa the CA's certificate, PEM
   * @param certificate this client's certificate (PEM) for mutual TLS, or null
   * @param key the PKCS#8 PEM key of {@code certificate}, or null
   * @throws IllegalArgumentException one line naming a file that cannot be used
   */
  public static ClientTls trusting(Path trustedCa, Path certificate, Path key) {
    if ((certificate == null) != (key == null)) {
      throw new IllegalArgumentException(
          "a client certificate needs its key, and a key its certificate");
    }
    return new ClientTls(
        PemFiles.certificates(trustedCa),
        certificate == null ? null : PemFiles.certificates(certificate),
        key == null ? null : PemFiles.privateKey(key));
  }

  /** Whether channels use TLS. */
  public boolean enabled() {
    return trustedCa != null;
  }

  /** The credentials of a channel: insecure, or TLS with this trust and identity. */
  public ChannelCredentials credentials() {
    if (!enabled()) {
      return InsecureChannelCredentials.create();
    }
    try {
      TlsChannelCredentials.Builder builder =
          TlsChannelCredentials.newBuilder().trustManager(new ByteArrayInputStream(trustedCa));
      if (certificate != null) {
        builder.keyManager(new ByteArrayInputStream(certificate), new ByteArrayInputStream(key));
      }
      return builder.build();
    } catch (IOException e) {
      // Streams over bytes in memory do not fail.
      throw new UncheckedIOException(e);
    }
  }
}

package energy.market.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * Reads the PEM files of a TLS configuration and checks them before gRPC sees them: Netty reports a
 * bad file only when the first connection is made, deep inside a stack trace, while a user needs
 * one line naming the file and what is wrong with it.
 */
final class PemFiles {
  private static final String KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String KEY_END = "-----END PRIVATE KEY-----";

  /** The key algorithms a PKCS#8 key from openssl usually holds. */
  private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "EdDSA");

  private PemFiles() {}

  /**
   * The bytes of a PEM file of one or more X.509 certificates.
   *
   * @throws IllegalArgumentException one line naming the file when it cannot be read or holds none
   */
  static byte[] certificates(Path file) {
    byte[] bytes = read(file);
    try {
      if (CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(bytes))
          .isEmpty()) {
        throw new IllegalArgumentException("TLS file " + file + " holds no certificate");
      }
    } catch (CertificateException e) {
      throw new IllegalArgumentException(
          "TLS file " + file + " is not a PEM certificate (expected -----BEGIN CERTIFICATE-----)");
    }
    return bytes;
  }

  /**
   * The bytes of an unencrypted PKCS#8 PEM private key, the form {@code openssl genpkey} and {@code
   * openssl req -newkey} write.
   *
   * @throws IllegalArgumentException one line naming the file, and how to convert a key in another
   *     form
   */
  static byte[] privateKey(Path file) {
    byte[] bytes = read(file);
    String text = new String(bytes, StandardCharsets.US_ASCII);
    if (text.contains("-----BEGIN RSA PRIVATE KEY-----")
        || text.contains("-----BEGIN EC PRIVATE KEY-----")) {
      throw new IllegalArgumentException(
          "TLS file "
              + file
              + " is a traditional (PKCS#1/SEC1) key; convert it to PKCS#8: openssl pkcs8 -topk8"
              + " -nocrypt -in "
              + file
              + " -out key.pem");
    }
    if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
      throw new IllegalArgumentException(
          "TLS file "
              + file
              + " is encrypted; give an unencrypted PKCS#8 key readable by its owner only");
    }
    int begin = text.indexOf(KEY_BEGIN);
    int end = text.indexOf(KEY_END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(
          "TLS file "
              + file
              + " is not a PEM private key (expected -----BEGIN PRIVATE KEY-----, PKCS#8)");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(text.substring(begin + KEY_BEGIN.length(), end));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "TLS file " + file + " is not a PEM private key (bad base64)");
    }
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        return bytes;
      } catch (java.security.GeneralSecurityException e) {
        // Not this algorithm: try the next.
      }
    }
    throw new IllegalArgumentException(
        "TLS file " + file + " holds no RSA, EC or EdDSA private key this program can read");
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("TLS file " + file + " does not exist");
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read TLS file " + file + ": " + e.getClass().getSimpleName());
    }
  }
}

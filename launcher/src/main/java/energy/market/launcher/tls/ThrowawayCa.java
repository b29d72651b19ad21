package energy.market.launcher.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made for one run and thrown away with it: it writes its certificate, a
 * server certificate for 127.0.0.1 and localhost, and a client certificate, as PEM files with
 * PKCS#8 keys (the files a user would make with openssl). Keys are EC P-256: quick to make.
 */
public final class ThrowawayCa {
  /** Long enough for any run; short, since nothing should outlive it. */
  private static final Duration VALIDITY = Duration.ofDays(7);

  private static final SecureRandom RANDOM = new SecureRandom();

  /** The files written into one directory. */
  public record TlsFiles(
      Path ca, Path serverCert, Path serverKey, Path clientCert, Path clientKey) {}

  private ThrowawayCa() {}

  /**
   * Makes a CA and its two certificates in {@code dir} (created if missing): {@code ca.pem}, {@code
   * server.pem}, {@code server-key.pem}, {@code client.pem}, {@code client-key.pem}; the keys are
   * readable by their owner only. The CA's own key is never written.
   */
  public static TlsFiles write(Path dir) throws IOException {
    try {
      Files.createDirectories(dir);
      KeyPair caKeys = keyPair();
      X500Name caName = new X500Name("CN=energy-market throwaway CA");
      X509v3CertificateBuilder ca = builder(caName, caName, caKeys);
      ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      ca.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      TlsFiles files =
          new TlsFiles(
              dir.resolve("ca.pem"),
              dir.resolve("server.pem"),
              dir.resolve("server-key.pem"),
              dir.resolve("client.pem"),
              dir.resolve("client-key.pem"));
      writeCertificate(files.ca(), sign(ca, caKeys));
      // The weather daemon presents its server certificate to the market too: both purposes.
      leaf(
          caName,
          caKeys,
          "energy-market server",
          new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth},
          files.serverCert(),
          files.serverKey());
      leaf(
          caName,
          caKeys,
          "energy-market client",
          new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth},
          files.clientCert(),
          files.clientKey());
      return files;
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot make throwaway certificates: " + e.getMessage(), e);
    }
  }

  private static void leaf(
      X500Name caName,
      KeyPair caKeys,
      String commonName,
      KeyPurposeId[] purposes,
      Path certificate,
      Path key)
      throws IOException, GeneralSecurityException, OperatorCreationException {
    KeyPair keys = keyPair();
    X509v3CertificateBuilder leaf = builder(caName, new X500Name("CN=" + commonName), keys);
    leaf.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    leaf.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    leaf.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
    leaf.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(GeneralName.iPAddress, "127.0.0.1")
            }));
    writeCertificate(certificate, sign(leaf, caKeys));
    writeKey(key, keys);
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys)
      throws CertIOException {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(64, RANDOM).add(BigInteger.ONE),
        // An hour back, so a clock a little behind on the same machine still accepts it.
        Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(VALIDITY)),
        subject,
        keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKeys)
      throws GeneralSecurityException, OperatorCreationException {
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return generator.generateKeyPair();
  }

  private static void writeCertificate(Path file, X509Certificate certificate)
      throws IOException, GeneralSecurityException {
    Files.writeString(file, pem("CERTIFICATE", certificate.getEncoded()));
  }

  /** Writes the key as PKCS#8 PEM, created readable by its owner only before any byte is in it. */
  private static void writeKey(Path file, KeyPair keys) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}

package energy.market.home;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA256 (RFC 2104) built on the JDK's SHA-256 digest, for the homes' secret.
 *
 * <p>Why not {@code javax.crypto.Mac}: on JDK 17 the first {@code Mac} loads every security
 * provider ahead of the JCE one, the elliptic-curve provider through a service loader among them:
 * about 25 ms of CPU in each home process's start (async-profiler), where a run starts many at once
 * on the same cores. SHA-256 comes from the first provider of the list. Tests check this against
 * {@code javax.crypto.Mac} and RFC 4231's vectors.
 */
final class HmacSha256 {
  private static final int BLOCK_BYTES = 64;
  private static final byte INNER_PAD = 0x36;
  private static final byte OUTER_PAD = 0x5c;

  private HmacSha256() {}

  /** HMAC-SHA256 of {@code message} under {@code key}: 32 bytes. */
  static byte[] of(byte[] key, byte[] message) {
    MessageDigest sha256 = sha256();
    byte[] block = Arrays.copyOf(key.length > BLOCK_BYTES ? sha256.digest(key) : key, BLOCK_BYTES);
    sha256.update(xor(block, INNER_PAD));
    byte[] inner = sha256.digest(message);
    sha256.update(xor(block, OUTER_PAD));
    return sha256.digest(inner);
  }

  private static byte[] xor(byte[] block, byte pad) {
    byte[] padded = new byte[block.length];
    for (int i = 0; i < block.length; i++) {
      padded[i] = (byte) (block[i] ^ pad);
    }
    return padded;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (the MessageDigest contract).
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
  }
}

package energy.market.server.homes;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * The rules of a home's secret: what form it may take, how the market keeps it (its hash only) and
 * how secrets are compared (in time that does not depend on where two values differ).
 */
public final class Secrets {
  /** What a secret may be: long enough not to be guessed, plain enough for any client and shell. */
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]{16,128}");

  private Secrets() {}

  /**
   * Checks a secret's form; the message never repeats the secret, which may be a mistyped real one.
   *
   * @throws IllegalArgumentException when it is missing or not of the allowed form
   */
  public static void requireAllowed(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException(
          "the home's secret is missing; send 16 to 128 letters, digits, '-', '_' or '.'"
              + " that the home keeps (for example 32 random bytes as 64 hex digits)");
    }
    if (!ALLOWED.matcher(secret).matches()) {
      throw new IllegalArgumentException(
          "the home's secret is not allowed; use 16 to 128 letters, digits, '-', '_' or '.'");
    }
  }

  /** The SHA-256 of a secret, lowercase hex; only hashes are kept. */
  public static String hash(String secret) {
    return Hashing.sha256().hashString(secret, StandardCharsets.UTF_8).toString();
  }

  /** True when {@code secret} hashes to {@code hash}, in time independent of where they differ. */
  public static boolean matches(String hash, String secret) {
    return secret != null && constantTimeEquals(hash, hash(secret));
  }

  /** True when both strings are equal, in time independent of where they differ. */
  public static boolean constantTimeEquals(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}

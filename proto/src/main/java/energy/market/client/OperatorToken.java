package energy.market.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Finds the operator token a daemon presents to the market: given on the command line, else in the
 * environment variable {@value #ENV}, else in the file the market wrote into its data directory
 * ({@value #FILE_NAME}).
 */
public final class OperatorToken {
  /** The environment variable that may carry the token. */
  public static final String ENV = "ENERGY_MARKET_OPERATOR_TOKEN";

  /** The file name the market writes its token to, inside its data directory. */
  public static final String FILE_NAME = "operator-token";

  private static final SecureRandom RANDOM = new SecureRandom();

  private OperatorToken() {}

  /** A new random token: 128 bits, lowercase hex. */
  public static String newToken() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * @param given the token from the command line, or null
   * @param file the token file to read when neither the flag nor the environment has one
   * @return the token
   * @throws IllegalArgumentException when no source has a token
   */
  public static String resolve(String given, Path file) {
    if (given != null && !given.isBlank()) {
      return given.trim();
    }
    String fromEnv = System.getenv(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.trim();
    }
    try {
      String fromFile = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (!fromFile.isEmpty()) {
        return fromFile;
      }
    } catch (IOException e) {
      // fall through to the error below, which says where we looked
    }
    throw new IllegalArgumentException(
        "no operator token: pass --operator-token, set "
            + ENV
            + ", or run where the market's token file "
            + file
            + " is readable");
  }
}

package energy.market.client.cli;

import energy.market.client.OperatorToken;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --operator-token} and {@code --operator-token-file}: how a daemon finds the market's
 * operator token, as a Picocli mixin (see {@link OperatorToken} for the order of the sources).
 */
public final class OperatorCredentials {
  /** Where the market writes its token when it runs from the same directory with its defaults. */
  public static final String DEFAULT_FILE = "data/" + OperatorToken.FILE_NAME;

  @Option(
      names = "--operator-token",
      paramLabel = "TOKEN",
      description =
          "The market's operator token (default: $" + OperatorToken.ENV + ", else the token file).")
  String token;

  @Option(
      names = "--operator-token-file",
      paramLabel = "FILE",
      description =
          "The file the market wrote its operator token to, read when no token is given "
              + "(default: ${DEFAULT-VALUE}).",
      defaultValue = DEFAULT_FILE)
  Path file = Path.of(DEFAULT_FILE);

  /**
   * The token from the first source that has one.
   *
   * @throws IllegalArgumentException saying where it looked when none has
   */
  public String resolve() {
    return OperatorToken.resolve(token, file);
  }
}

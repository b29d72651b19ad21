package energy.market.server;

import energy.market.client.OperatorToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The market's side of its tokens (operator, registration). The operator token: the one given, else
 * the one already in the data directory (so daemons that read it keep working across restarts),
 * else a new random one written there, readable by its owner only.
 */
final class TokenFiles {
  private TokenFiles() {}

  /** The operator token: given, else from the environment, else the data directory's file. */
  static String resolve(String given, Path dataDir) throws IOException {
    if (given != null && !given.isBlank()) {
      return given.trim();
    }
    String fromEnv = System.getenv(OperatorToken.ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.trim();
    }
    return readOrCreate(dataDir.resolve(OperatorToken.FILE_NAME));
  }

  /**
   * The token in {@code file}, or a new random one written there first, readable by its owner only
   * (written whole under a temporary name, then moved into place, so no reader sees half a token).
   */
  static String readOrCreate(Path file) throws IOException {
    if (Files.isRegularFile(file)) {
      String known = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (!known.isEmpty()) {
        return known;
      }
    }
    String token = OperatorToken.newToken();
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temp = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
    }
    Files.writeString(temp, token + "\n", StandardCharsets.UTF_8);
    Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return token;
  }
}

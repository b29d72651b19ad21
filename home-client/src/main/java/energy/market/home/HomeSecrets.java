package energy.market.home;

import energy.market.client.UserDirectories;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The homes' secret, kept on the homes' side: one random key in a state directory, readable by its
 * owner only, from which the secret is made as HMAC-SHA256(key, "{@value #PURPOSE}"). Every home of
 * a state directory presents that one secret, so one process of thousands of homes speaks for all
 * of them with one credential, and a home started again with the same state directory presents the
 * same secret, so the market gives it back the same account. (The key is not sent itself, so a
 * secret seen in transit reveals nothing else the key might be used for.)
 */
public final class HomeSecrets {
  /** The key file's name inside the state directory. */
  public static final String KEY_FILE = "home-key";

  /** What the key's HMAC is taken of to make the secret. */
  static final String PURPOSE = "energy-market home secret";

  private static final int KEY_BYTES = 32;
  private static final Pattern KEY_TEXT = Pattern.compile("[0-9a-f]{64}\n?");
  private static final long MAX_KEY_FILE_BYTES = 1024;
  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> GROUP_OR_OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private final Path keyFile;
  private final boolean created;
  private final String secret;

  private HomeSecrets(Path keyFile, boolean created, byte[] key) {
    this.keyFile = keyFile;
    this.created = created;
    this.secret =
        HexFormat.of().formatHex(HmacSha256.of(key, PURPOSE.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The default state directory: {@code $XDG_STATE_HOME/energy-market}, else {@code
   * ~/.local/state/energy-market}.
   */
  public static Path defaultDirectory() {
    return UserDirectories.state();
  }

  /**
   * The secrets of the key in {@code stateDirectory}, creating the directory (owner only) and a new
   * key on first use. Processes that start at once agree on one key: each writes its own candidate
   * and links it into place only if no key is there yet, then everyone reads the one that is.
   *
   * @throws UnusableKeyFileException when the key cannot be created or read, is readable by others,
   *     or is damaged
   */
  public static HomeSecrets open(Path stateDirectory) {
    Path keyFile = stateDirectory.resolve(KEY_FILE);
    boolean created = false;
    if (!Files.exists(keyFile, LinkOption.NOFOLLOW_LINKS)) {
      try {
        created = create(stateDirectory, keyFile);
      } catch (IOException e) {
        throw new UnusableKeyFileException("cannot create key file " + keyFile + ": " + reason(e));
      }
    }
    return new HomeSecrets(keyFile, created, read(keyFile));
  }

  /** The key file. */
  public Path keyFile() {
    return keyFile;
  }

  /** True when this process made the key (the homes are new to every market). */
  public boolean created() {
    return created;
  }

  /** The homes' secret: HMAC-SHA256(key, "{@value #PURPOSE}"), 64 hex digits. */
  public String secret() {
    return secret;
  }

  /** Writes a new key beside the key file and links it into place; false if another was first. */
  private static boolean create(Path directory, Path keyFile) throws IOException {
    boolean posix = isPosix(directory);
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(directory, attributes(posix, OWNER_DIRECTORY));
    }
    byte[] key = new byte[KEY_BYTES];
    // Made here, not once for the class: seeding one costs a process about 20 ms of CPU, and only
    // the first of a run's processes creates the key.
    new SecureRandom().nextBytes(key);
    byte[] text = (HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.US_ASCII);
    Path candidate =
        Files.createTempFile(
            directory, "." + KEY_FILE + "-", ".tmp", attributes(posix, OWNER_FILE));
    try {
      try (FileChannel channel = FileChannel.open(candidate, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(text));
        channel.force(true);
      }
      return linkUnlessPresent(candidate, keyFile);
    } finally {
      Files.deleteIfExists(candidate);
    }
  }

  /**
   * Puts {@code candidate} in place as {@code keyFile} unless a key file is there already: a hard
   * link never replaces its target, so of two processes racing only one key is ever kept.
   */
  private static boolean linkUnlessPresent(Path candidate, Path keyFile) throws IOException {
    try {
      Files.createLink(keyFile, candidate);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (UnsupportedOperationException | FileSystemException e) {
      // A file system without hard links: a move that refuses to replace an existing file.
      try {
        Files.move(candidate, keyFile);
        return true;
      } catch (FileAlreadyExistsException raced) {
        return false;
      }
    }
  }

  private static byte[] read(Path keyFile) {
    try {
      if (!Files.isRegularFile(keyFile)) {
        throw new UnusableKeyFileException(
            "key file "
                + keyFile
                + " is not a regular file; move it away or choose another state"
                + " directory");
      }
      if (isPosix(keyFile)) {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(keyFile);
        if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
          // As ssh does with private keys: a secret others can read is no secret.
          throw new UnusableKeyFileException(
              "key file "
                  + keyFile
                  + " is open to others (permissions "
                  + PosixFilePermissions.toString(permissions)
                  + "); it must be readable by its owner only: chmod 600 "
                  + keyFile);
        }
      }
      if (Files.size(keyFile) > MAX_KEY_FILE_BYTES) {
        throw damaged(keyFile);
      }
      String text = new String(Files.readAllBytes(keyFile), StandardCharsets.ISO_8859_1);
      if (!KEY_TEXT.matcher(text).matches()) {
        throw damaged(keyFile);
      }
      return HexFormat.of().parseHex(text.strip());
    } catch (IOException e) {
      throw new UnusableKeyFileException("cannot read key file " + keyFile + ": " + reason(e));
    }
  }

  private static UnusableKeyFileException damaged(Path keyFile) {
    return new UnusableKeyFileException(
        "key file "
            + keyFile
            + " is damaged (a key is 64 hex digits); restore it from a backup to keep its homes,"
            + " or move it away to start new homes under other names");
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<?>[] attributes(
      boolean posix, Set<PosixFilePermission> permissions) {
    return posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
        : new FileAttribute<?>[0];
  }

  /** What went wrong, in a few words, without a stack trace. */
  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
      return ((FileSystemException) e).getFile() + " is in the way: it is not a directory";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}

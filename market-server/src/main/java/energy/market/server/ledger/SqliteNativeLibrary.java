package energy.market.server.ledger;

import energy.market.client.UserDirectories;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * SQLite's native library, loaded from a copy kept in the user's cache.
 *
 * <p>Left to itself, sqlite-jdbc copies its native library (1 MB) out of its jar into the temporary
 * directory the first time a JVM opens a database, reads the copy back to compare it with the jar's
 * byte by byte, and lists the whole temporary directory for older copies to remove: about a tenth
 * of a second of the market's start, before it can listen, in every start. Here the library is
 * copied once for each sqlite-jdbc version, operating system and architecture, into {@code
 * CACHE/sqlite-VERSION-OS-ARCH/}, and sqlite-jdbc is told to load it from there ({@code
 * org.sqlite.lib.path}). Should that copy not load, sqlite-jdbc falls back to its own way; should
 * the cache not be writable, nothing changes. Options given on the command line win.
 */
public final class SqliteNativeLibrary {
  static final String LIB_PATH = "org.sqlite.lib.path";
  static final String LIB_NAME = "org.sqlite.lib.name";
  static final String TEMP_DIR = "org.sqlite.tmpdir";

  private static boolean prepared; // guarded by the class

  private SqliteNativeLibrary() {}

  /**
   * Before the JVM's first SQLite connection (the ledger's connections call it themselves): points
   * sqlite-jdbc at the cached copy, made if missing.
   */
  public static synchronized void prepare() {
    if (prepared) {
      return;
    }
    prepared = true;
    if (System.getProperty(LIB_PATH) != null || System.getProperty(TEMP_DIR) != null) {
      return;
    }
    cachedCopy(UserDirectories.cache())
        .ifPresent(
            library -> {
              System.setProperty(LIB_PATH, library.getParent().toString());
              System.setProperty(LIB_NAME, library.getFileName().toString());
              // sqlite-jdbc lists its temporary directory at every first load, whatever it loads:
              // this one holds one file, /tmp may hold thousands.
              System.setProperty(TEMP_DIR, library.getParent().toString());
            });
  }

  /**
   * The library copied into {@code cacheRoot}, copied now if it is not there yet; empty when it
   * cannot be (no library for this platform in the jar, or a cache that cannot be written).
   */
  static Optional<Path> cachedCopy(Path cacheRoot) {
    String name = LibraryLoaderUtil.getNativeLibName();
    Path dir = cacheRoot.resolve(directoryName());
    Path library = dir.resolve(name);
    if (Files.isRegularFile(library)) {
      return Optional.of(library);
    }
    String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      Files.createDirectories(dir);
      // Written under a name of its own, then renamed: a process never loads half a library, and
      // processes that start at once each write their own copy and one of them wins.
      Path temporary = Files.createTempFile(dir, name, ".part");
      try {
        Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, library, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
      return Optional.of(library);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** {@code sqlite-3.50.3.0-linux-amd64}: a new sqlite-jdbc or another platform gets its own. */
  static String directoryName() {
    return ("sqlite-"
            + SQLiteJDBCLoader.getVersion()
            + "-"
            + System.getProperty("os.name")
            + "-"
            + System.getProperty("os.arch"))
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9.-]", "_");
  }
}

package energy.market.server.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteNativeLibraryTest {
  @TempDir Path cache;

  @Test
  void theFirstCopyIsTheJarsLibraryAndLaterOnesReuseIt() throws Exception {
    Path library = SqliteNativeLibrary.cachedCopy(cache).orElseThrow();

    assertEquals(cache.resolve(SqliteNativeLibrary.directoryName()), library.getParent());
    String resource =
        LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      assertArrayEquals(in.readAllBytes(), Files.readAllBytes(library));
    }
    // A later start takes the copy as it is, without reading the jar's again.
    Files.writeString(library, "kept");
    assertEquals(library, SqliteNativeLibrary.cachedCopy(cache).orElseThrow());
    assertEquals("kept", Files.readString(library));
    try (Stream<Path> files = Files.list(library.getParent())) {
      assertEquals(List.of(library), files.toList(), "no partial copy left behind");
    }
  }

  @Test
  void aCacheThatCannotBeWrittenChangesNothing() throws Exception {
    Path notADirectory = Files.writeString(cache.resolve("file"), "x");

    assertTrue(SqliteNativeLibrary.cachedCopy(notADirectory).isEmpty());
  }

  /**
   * A fresh JVM opening a ledger maps SQLite's library from the user's cache, and sqlite-jdbc
   * extracts nothing of its own (it would leave {@code sqlite-VERSION-*} files while running).
   */
  @Test
  void aFreshJvmLoadsTheLibraryFromTheCache() throws Exception {
    Path ledger = cache.resolve("probe.db");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Probe.class.getName(),
                ledger.toString())
            .redirectErrorStream(true);
    // The user's cache, as the probe sees it, is this test's directory.
    builder.environment().put("XDG_CACHE_HOME", cache.toString());
    Process probe = builder.start();
    String output;
    try (InputStream in = probe.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "the probe did not end");
    assertEquals(0, probe.exitValue(), output);

    Path expected = cache.resolve("energy-market").resolve(SqliteNativeLibrary.directoryName());
    assertTrue(output.contains("mapped " + expected), output);
    try (Stream<Path> files = Files.list(expected)) {
      assertEquals(1, files.count(), "only the cached library: " + output);
    }
  }

  /** Opens a ledger file and prints where the JVM mapped SQLite's native library from. */
  static final class Probe {
    public static void main(String[] args) throws Exception {
      try (Connection connection = LedgerFiles.connectNew(Path.of(args[0]));
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE t (x INTEGER)");
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
          maps.filter(line -> line.contains("sqlitejdbc"))
              .map(line -> line.substring(line.indexOf('/')))
              .distinct()
              .forEach(path -> System.out.println("mapped " + path));
        }
      }
    }
  }
}

package energy.market.server.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.SQLiteOpenMode;

/**
 * The ledger's file as the file system sees it: the lock that keeps two markets apart, a creation
 * that is complete or absent, the checks that refuse a file before anything writes to it, and the
 * connection settings (WAL, {@code synchronous=FULL}, foreign keys; for the writer's one thread, no
 * per-call lock) every ledger connection uses.
 */
final class LedgerFiles {
  /** The writer's page cache, KiB. */
  private static final int CACHE_KIB = 64 * 1024;

  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private LedgerFiles() {}

  /** Takes the data directory's ledger lock, so that two markets never share a ledger. */
  static FileChannel lock(Path file) throws UnusableLedgerException {
    Path lockPath = file.resolveSibling(file.getFileName() + ".lock");
    FileChannel channel;
    try {
      channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UnusableLedgerException(lockPath + " cannot be opened: " + e.getMessage(), e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (IOException | OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      release(channel);
      throw new UnusableLedgerException(
          file + " is in use by another market (it holds " + lockPath + ")");
    }
    return channel;
  }

  static void release(FileChannel lock) {
    try {
      lock.close(); // releases the lock too
    } catch (IOException e) {
      // nothing left to do: the process's exit releases it anyway
    }
  }

  /**
   * Creates a ledger under a temporary name and renames it into place once complete, so that a
   * ledger file, whenever it exists, has its schema and its run.
   */
  static void create(Path file, RunParameters newRun, Clock clock) throws UnusableLedgerException {
    Path directory = file.toAbsolutePath().getParent();
    Path temp = null;
    try {
      temp = Files.createTempFile(directory, file.getFileName() + ".", ".new");
      try (Connection connection = connectNew(temp)) {
        connection.setAutoCommit(false);
        LedgerSchema.create(connection);
        try (LedgerWrites writes = new LedgerWrites(connection)) {
          writes.run(newRun, clock.instant());
        }
        connection.commit();
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(temp, file); // fails rather than replace a file that appeared meanwhile
      temp = null;
      try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
        channel.force(true); // the rename itself is durable
      } catch (IOException e) {
        // some file systems cannot sync a directory; the ledger is still complete
      }
    } catch (FileAlreadyExistsException e) {
      throw new UnusableLedgerException(file + " appeared while this market created it", e);
    } catch (IOException | SQLException e) {
      // The file system's failure (a full disk, a read-only directory), not the file's.
      throw new LedgerException(file + " cannot be created: " + WriteFailures.describe(e), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // a stray temporary file is harmless
        }
      }
    }
  }

  /**
   * Deletes what a creation killed before its rename left behind ({@code ledger.db.*.new}, never
   * the ledger itself); only the holder of the lock creates them.
   */
  static void removeUnfinishedCreations(Path file) {
    Path directory = file.toAbsolutePath().getParent();
    String pattern = file.getFileName() + ".*.new";
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, pattern)) {
      for (Path leftover : leftovers) {
        Files.deleteIfExists(leftover);
      }
    } catch (IOException e) {
      // harmless: they are never read
    }
  }

  /** Checks, without writing anything, that the file is a ledger this market can use. */
  static void check(Path file) throws UnusableLedgerException {
    byte[] header = new byte[MAGIC.length];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(header, 0, header.length);
    } catch (IOException e) {
      throw new UnusableLedgerException(file + " cannot be read: " + e.getMessage(), e);
    }
    if (read < MAGIC.length || !Arrays.equals(header, MAGIC)) {
      throw new UnusableLedgerException(
          file + " is not an SQLite database (it does not start with \"SQLite format 3\")");
    }
    try (Connection connection = connect(file, true)) {
      int applicationId = LedgerSchema.applicationId(connection);
      if (applicationId != LedgerSchema.APPLICATION_ID) {
        throw new UnusableLedgerException(
            String.format(
                "%s is another program's SQLite database, not a market ledger"
                    + " (application_id 0x%08X, a ledger has 0x%08X)",
                file, applicationId, LedgerSchema.APPLICATION_ID));
      }
      int version = LedgerSchema.version(connection);
      if (version > LedgerSchema.VERSION) {
        throw new UnusableLedgerException(
            file
                + " was written by a newer market (schema version "
                + version
                + "; this market reads versions up to "
                + LedgerSchema.VERSION
                + ")");
      }
      if (version < 1) {
        throw new UnusableLedgerException(file + " has no ledger schema (user_version 0)");
      }
      try (Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery("PRAGMA quick_check(1)")) {
        String verdict = result.next() ? result.getString(1) : "no answer";
        if (!"ok".equals(verdict)) {
          throw new UnusableLedgerException(file + " is corrupt: " + verdict);
        }
      }
    } catch (SQLException e) {
      throw new UnusableLedgerException(file + " is corrupt: " + oneLine(e), e);
    }
  }

  static Connection connect(Path file, boolean readOnly) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.resetOpenMode(SQLiteOpenMode.CREATE);
    config.setBusyTimeout(10_000);
    if (readOnly) {
      config.setReadOnly(true);
    } else {
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      // FULL: every commit is on disk before the writer reports it, so no receipt precedes it.
      config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
      config.enforceForeignKeys(true);
      // A day of 10,000 homes touches several MB of indexes; the default 2 MB cache thrashes.
      config.setCacheSize(-CACHE_KIB);
      // Only the writer's thread uses this connection: SQLite's own lock on every call (16 of
      // them for a row of a home's day) is pure cost.
      config.setOpenMode(SQLiteOpenMode.NOMUTEX);
    }
    return open(config, file);
  }

  static Connection connectNew(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    return open(config, file);
  }

  /**
   * Loads SQLite's native library and the driver's configuration classes (whose first use makes
   * date formats and reads the time-zone data) without opening a ledger.
   */
  static void preload() {
    SqliteNativeLibrary.prepare();
    try {
      SQLiteJDBCLoader.initialize();
    } catch (Exception e) {
      // The ledger's open reports it, with the file it was opening.
      return;
    }
    new SQLiteConfig();
  }

  /** Every ledger connection is opened here, after the JVM's SQLite library is settled. */
  private static Connection open(SQLiteConfig config, Path file) throws SQLException {
    SqliteNativeLibrary.prepare();
    return config.createConnection(url(file));
  }

  static String url(Path file) {
    return "jdbc:sqlite:" + file.toAbsolutePath();
  }

  static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // already failing; the first error is the one to report
      }
    }
  }

  static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return message.replaceAll("\\s+", " ").trim();
  }
}

package energy.market.server.ledger;

import energy.market.server.day.TradeRecord;
import energy.market.server.feed.Tick;
import energy.market.server.homes.Home;
import energy.market.server.price.MarketEventRecord;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * The durable ledger: an embedded SQLite database in WAL mode with {@code synchronous=FULL}, so a
 * committed transaction survives a crash of the process (and of the machine), and foreign keys on.
 *
 * <p>Every write goes through one {@link GroupCommit} writer thread: concurrent trade threads share
 * a commit, and each caller returns only once its rows are durable. Opening a ledger checks the
 * file before anything writes to it: a file that is not SQLite, another program's database, a newer
 * schema, a corrupt or inconsistent ledger, or one another market holds, is refused with {@link
 * UnusableLedgerException} and left as it was.
 */
public final class SqliteLedger implements Ledger {
  /** The ledger's file name in the market's data directory. */
  public static final String FILE_NAME = "ledger.db";

  /** The writer's page cache, KiB. */
  private static final int CACHE_KIB = 64 * 1024;

  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private final Path file;
  private final FileChannel lockFile;
  private final GroupCommit writer;
  private final boolean created;
  private final RunParameters run;
  private final ResumeState resumeState;

  private SqliteLedger(
      Path file,
      FileChannel lockFile,
      GroupCommit writer,
      boolean created,
      RunParameters run,
      ResumeState resumeState) {
    this.file = file;
    this.lockFile = lockFile;
    this.writer = writer;
    this.created = created;
    this.run = run;
    this.resumeState = resumeState;
  }

  /**
   * Opens the ledger in {@code file}, creating it for a new run when the file does not exist.
   *
   * @param newRun the model a new ledger records (ignored when the ledger exists)
   * @param clock the time the creation is stamped with
   * @throws UnusableLedgerException when the file is not a ledger this market can use; the file is
   *     then unchanged
   * @throws LedgerException when a new ledger cannot be written
   */
  public static SqliteLedger open(Path file, RunParameters newRun, Clock clock)
      throws UnusableLedgerException {
    FileChannel lock = lock(file);
    Connection connection = null;
    try {
      removeUnfinishedCreations(file);
      boolean created = false;
      if (!Files.exists(file)) {
        create(file, newRun, clock);
        created = true;
      }
      check(file);
      connection = connect(file, false);
      int version = LedgerSchema.version(connection);
      if (version < LedgerSchema.VERSION) {
        connection.setAutoCommit(false);
        LedgerSchema.migrate(connection, version);
        connection.commit();
        connection.setAutoCommit(true);
      }
      LedgerReader reader = new LedgerReader(connection);
      RunParameters run = reader.run();
      ResumeState state = reader.resumeState();
      Optional<String> mismatch = new AccountAudit(connection).firstMismatch();
      if (mismatch.isPresent()) {
        throw new UnusableLedgerException(file + " does not add up: " + mismatch.get());
      }
      // From here on the writer owns the connection; it commits its own batches.
      connection.setAutoCommit(false);
      GroupCommit writer = new GroupCommit(connection, "ledger-writer");
      return new SqliteLedger(file, lock, writer, created, run, state);
    } catch (SQLException e) {
      closeQuietly(connection);
      release(lock);
      throw new UnusableLedgerException(file + " cannot be read as a ledger: " + oneLine(e), e);
    } catch (UnreadableValueException e) {
      closeQuietly(connection);
      release(lock);
      throw new UnusableLedgerException(
          file + " holds a value the market cannot read: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      closeQuietly(connection);
      release(lock);
      throw new UnusableLedgerException(file + " is inconsistent: " + e.getMessage(), e);
    } catch (UnusableLedgerException | RuntimeException e) {
      closeQuietly(connection);
      release(lock);
      throw e;
    }
  }

  /**
   * The closed days of the ledger in {@code file}, read without taking it over or writing to it:
   * for a report of a run whose market has stopped (or still runs: the ledger is in WAL mode).
   *
   * @throws UnusableLedgerException when the file is not a ledger, or cannot be read
   */
  public static List<Tick> closedDays(Path file) throws UnusableLedgerException {
    check(file);
    try (Connection connection = connect(file, true)) {
      return new LedgerReader(connection).closedDays();
    } catch (SQLException e) {
      throw new UnusableLedgerException(file + " cannot be read as a ledger: " + oneLine(e), e);
    } catch (IllegalArgumentException e) {
      throw new UnusableLedgerException(
          file + " holds a value it cannot read: " + e.getMessage(), e);
    }
  }

  /** The file. */
  public Path file() {
    return file;
  }

  /** True when this open created the ledger (a new run). */
  public boolean created() {
    return created;
  }

  /** The run's model as the ledger keeps it. */
  public RunParameters run() {
    return run;
  }

  /** What the market resumes from (empty for a new ledger). */
  public ResumeState resumeState() {
    return resumeState;
  }

  /** Transactions committed since the ledger opened (each is one fsync). */
  public long commits() {
    return writer.commits();
  }

  /** The writer (for tests of its batching). */
  GroupCommit writer() {
    return writer;
  }

  /** Records a start of the market. */
  public void started(MarketStart start) {
    await(writer.submit("the start", writes -> writes.start(start)));
  }

  @Override
  public CompletableFuture<Void> homeRegistered(Home home) {
    return writer.submit("home " + home.name(), writes -> writes.home(home));
  }

  @Override
  public void tradesExecuted(List<TradeRecord> trades) {
    if (trades.isEmpty()) {
      return;
    }
    List<TradeRecord> copy = List.copyOf(trades);
    await(writer.submit(copy.size() + " trades", writes -> writes.trades(copy)));
  }

  @Override
  public CompletableFuture<Void> tradesKept(List<TradeRecord> trades) {
    List<TradeRecord> copy = List.copyOf(trades);
    if (copy.isEmpty()) {
      // Commits after every write queued before it: the single writer keeps them in order.
      return writer.submit("earlier trades", writes -> {});
    }
    return writer.submit(copy.size() + " trades", writes -> writes.trades(copy));
  }

  @Override
  public void eventAccepted(MarketEventRecord event) {
    await(writer.submit("event " + event.eventId(), writes -> writes.event(event)));
  }

  @Override
  public void giftsMatched(OpenDay day) {
    await(writer.submit("the gifts of day " + day.day(), writes -> writes.openDay(day)));
  }

  @Override
  public void dayClosed(ClosedDay day) {
    await(writer.submit("day " + day.tick().day(), writes -> writes.closedDay(day)));
  }

  /** Commits what is queued and closes the database; then another market may open it. */
  @Override
  public void close() {
    writer.close();
    release(lockFile);
  }

  private static void await(CompletableFuture<Void> written) {
    try {
      written.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof LedgerException failure) {
        throw failure;
      }
      throw new LedgerException("the ledger failed: " + e.getCause(), e.getCause());
    }
  }

  // ---------------------------------------------------------------- opening

  /** Takes the data directory's ledger lock, so that two markets never share a ledger. */
  private static FileChannel lock(Path file) throws UnusableLedgerException {
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

  private static void release(FileChannel lock) {
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
  private static void create(Path file, RunParameters newRun, Clock clock)
      throws UnusableLedgerException {
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
  private static void removeUnfinishedCreations(Path file) {
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
  private static void check(Path file) throws UnusableLedgerException {
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

  private static Connection connect(Path file, boolean readOnly) throws SQLException {
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
    }
    return config.createConnection(url(file));
  }

  private static Connection connectNew(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    return config.createConnection(url(file));
  }

  private static String url(Path file) {
    return "jdbc:sqlite:" + file.toAbsolutePath();
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // already failing; the first error is the one to report
      }
    }
  }

  private static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return message.replaceAll("\\s+", " ").trim();
  }
}

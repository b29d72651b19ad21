package energy.market.server.ledger;

import energy.market.server.day.Account;
import energy.market.server.day.TradeRecord;
import energy.market.server.feed.Tick;
import energy.market.server.homes.Home;
import energy.market.server.price.MarketEventRecord;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
   * Loads SQLite's native library and the driver's classes without opening a ledger: for a start
   * that has other work to do first on another thread.
   */
  public static void preload() {
    LedgerFiles.preload();
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
    FileChannel lock = LedgerFiles.lock(file);
    Connection connection = null;
    try {
      LedgerFiles.removeUnfinishedCreations(file);
      boolean created = false;
      if (!Files.exists(file)) {
        LedgerFiles.create(file, newRun, clock);
        created = true;
      }
      LedgerFiles.check(file);
      connection = LedgerFiles.connect(file, false);
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
      connection = null; // closed by the writer
      try {
        await(writer.submit("the accounts", writes -> writes.catchUpAccounts(state.accounts())));
      } catch (LedgerException e) {
        writer.close();
        throw new UnusableLedgerException(file + " cannot be written: " + e.getMessage(), e);
      }
      return new SqliteLedger(file, lock, writer, created, run, state);
    } catch (SQLException e) {
      LedgerFiles.closeQuietly(connection);
      LedgerFiles.release(lock);
      throw new UnusableLedgerException(
          file + " cannot be read as a ledger: " + LedgerFiles.oneLine(e), e);
    } catch (UnreadableValueException e) {
      LedgerFiles.closeQuietly(connection);
      LedgerFiles.release(lock);
      throw new UnusableLedgerException(
          file + " holds a value the market cannot read: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      LedgerFiles.closeQuietly(connection);
      LedgerFiles.release(lock);
      throw new UnusableLedgerException(file + " is inconsistent: " + e.getMessage(), e);
    } catch (UnusableLedgerException | RuntimeException e) {
      LedgerFiles.closeQuietly(connection);
      LedgerFiles.release(lock);
      throw e;
    }
  }

  /**
   * A ledger's books: its closed days, and every registered home with its account as of the last
   * closed day (an empty one for a home that closed none), in one look at the file.
   */
  public record Books(List<Tick> closedDays, Map<Home, Account> accounts) {}

  /**
   * The books of the ledger in {@code file}, read without taking it over or writing to it: for a
   * run's results once its market has stopped. The file is checked once for both.
   *
   * @throws UnusableLedgerException when the file is not a ledger, or cannot be read
   */
  public static Books books(Path file) throws UnusableLedgerException {
    return readOnly(file, reader -> new Books(reader.closedDays(), accountsOf(reader)));
  }

  private static Map<Home, Account> accountsOf(LedgerReader reader) throws SQLException {
    Map<Long, Account> byId = new HashMap<>();
    for (Account account : reader.accounts()) {
      byId.put(account.homeId(), account);
    }
    Map<Home, Account> accounts = new LinkedHashMap<>();
    for (Home home : reader.homes()) {
      accounts.put(home, byId.getOrDefault(home.id(), Account.empty(home.id())));
    }
    return accounts;
  }

  /** What a read-only look at a ledger reads. */
  private interface Read<T> {
    T from(LedgerReader reader) throws SQLException;
  }

  /** Reads a ledger without taking it over or writing to it. */
  private static <T> T readOnly(Path file, Read<T> read) throws UnusableLedgerException {
    LedgerFiles.check(file);
    try (Connection connection = LedgerFiles.connect(file, true)) {
      return read.from(new LedgerReader(connection));
    } catch (SQLException e) {
      throw new UnusableLedgerException(
          file + " cannot be read as a ledger: " + LedgerFiles.oneLine(e), e);
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
  public CompletableFuture<Void> homesRegistered(List<Home> homes) {
    List<Home> copy = List.copyOf(homes);
    String what = copy.size() == 1 ? "home " + copy.get(0).name() : copy.size() + " homes";
    return writer.submit(
        what,
        writes -> {
          for (Home home : copy) {
            writes.home(home);
          }
        });
  }

  @Override
  public void tradesExecuted(List<TradeRecord> trades) {
    if (trades.isEmpty()) {
      return;
    }
    List<TradeRecord> copy = List.copyOf(trades);
    await(writer.submit(copy.size() + " trades", writes -> writes.trades(copy)));
  }

  /** The writer commits in its own thread: {@link #tradesKept} only queues the trades. */
  @Override
  public boolean keepsTradesWithoutWaiting() {
    return true;
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
    await(dayKept(day));
  }

  @Override
  public CompletableFuture<Void> dayKept(ClosedDay day) {
    return writer.submit("day " + day.tick().day(), writes -> writes.closedDay(day));
  }

  /** Commits what is queued and closes the database; then another market may open it. */
  @Override
  public void close() {
    // The accounts whole as of the last closed day, so that whoever reads the stopped ledger reads
    // them without adding up home days. A broken writer refuses it, and the view still adds up.
    writer.submit("the accounts", LedgerWrites::keepChangedAccounts);
    writer.close();
    LedgerFiles.release(lockFile);
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
}

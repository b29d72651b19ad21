package energy.market.server.ledger;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import energy.market.server.trade.OverloadedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.logging.Logger;

/**
 * The ledger's one writer: a named thread that owns the connection, takes every write waiting in
 * its queue, runs them all in one transaction, commits (one fsync for all of them), and only then
 * completes each write's future. Callers that wait for their future therefore never hear "done"
 * before their rows are durable, and many concurrent callers share one commit.
 *
 * <p>The futures are completed by a second thread, in commit order: what waits on a write (a
 * trade's receipt, serialized and sent) then runs beside the next commit rather than before it.
 *
 * <p>Each write runs inside its own savepoint, so one failing write (a broken constraint) fails
 * alone. A failed commit fails the whole batch and breaks the writer: every later write fails at
 * once, since the market cannot go on with books it could not keep. {@link LedgerWrites} hears of
 * each commit and rollback, so that what it remembers in memory follows the file.
 */
final class GroupCommit implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

  /** The most writes one transaction takes. */
  static final int MAX_BATCH = 4096;

  /**
   * The most writes that may wait. Unary trades wait at most {@code
   * TradeDesk.MAX_UNCOMMITTED_TRADES} (8,192) at once, batches one per trade thread and the
   * market's own writes one at a time, so only a flood of registrations could fill it; those are
   * refused as overload.
   */
  static final int QUEUE_CAPACITY = 65_536;

  /** Some rows to write, inside the writer's transaction. */
  interface Write {
    void apply(LedgerWrites writes) throws SQLException;
  }

  private record Pending(String what, Write write, CompletableFuture<Void> done) {}

  private static final Pending STOP = new Pending("stop", writes -> {}, null);

  private final Connection connection;
  private final LedgerWrites writes;
  private final Statement savepoints;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
  private final Thread thread;
  private final ExecutorService completions;
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private boolean closed; // guarded by this
  private volatile LedgerException broken;

  /**
   * @param connection a connection in manual-commit mode, handed over to the writer for good
   * @param name the writer thread's name
   */
  GroupCommit(Connection connection, String name) throws SQLException {
    this.connection = connection;
    this.writes = new LedgerWrites(connection);
    this.savepoints = connection.createStatement();
    this.completions =
        Executors.newSingleThreadExecutor(
            new ThreadFactoryBuilder()
                .setNameFormat(name + "-completions")
                .setDaemon(true)
                .build());
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Queues a write; the future completes once it is committed, or fails with a {@link
   * LedgerException} (or an {@link OverloadedException} when too many writes wait).
   *
   * @param what what is written, for messages ("trades", "day 12")
   */
  CompletableFuture<Void> submit(String what, Write write) {
    LedgerException failure = broken;
    if (failure != null) {
      return CompletableFuture.failedFuture(failure);
    }
    Pending pending = new Pending(what, write, new CompletableFuture<>());
    synchronized (this) {
      if (closed) {
        return CompletableFuture.failedFuture(
            new LedgerException("the ledger is closed; " + what + " not kept"));
      }
      if (!queue.offer(pending)) {
        // Overload, not a failure: the caller is refused and may retry.
        return CompletableFuture.failedFuture(
            new OverloadedException(
                "the ledger has "
                    + QUEUE_CAPACITY
                    + " writes waiting; "
                    + what
                    + " was not kept, retry later"));
      }
    }
    return pending.done();
  }

  /** Writes waiting for the writer. */
  int queued() {
    return queue.size();
  }

  /** Transactions committed so far. */
  long commits() {
    return commits.get();
  }

  /** Writes committed so far. */
  long written() {
    return written.get();
  }

  private void run() {
    List<Pending> batch = new ArrayList<>();
    boolean stopping = false;
    while (!stopping) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        // Only close() ends the writer; an interrupt must not drop queued writes.
        continue;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      if (batch.get(batch.size() - 1) == STOP) {
        batch.remove(batch.size() - 1);
        stopping = true;
      }
      if (!batch.isEmpty()) {
        commit(batch);
      }
      batch.clear();
    }
  }

  private void commit(List<Pending> batch) {
    LedgerException failure = broken;
    if (failure != null) {
      settle(batch, i -> failure);
      return;
    }
    if (commitTogether(batch)) {
      return;
    }
    List<LedgerException> failures = new ArrayList<>(batch.size());
    try {
      for (Pending pending : batch) {
        savepoints.execute("SAVEPOINT write");
        int mark = writes.mark();
        try {
          pending.write().apply(writes);
          writes.flush();
          savepoints.execute("RELEASE write");
          failures.add(null);
        } catch (SQLException | RuntimeException e) {
          writes.rolledBack(mark);
          savepoints.execute("ROLLBACK TO write");
          savepoints.execute("RELEASE write");
          failures.add(
              new LedgerException(
                  "could not keep " + pending.what() + ": " + WriteFailures.describe(e), e));
        }
      }
      connection.commit();
    } catch (SQLException e) {
      failCommit(batch, e);
      return;
    }
    writes.committed();
    commits.incrementAndGet();
    written.addAndGet(batch.size());
    settle(batch, failures::get);
  }

  /**
   * A commit failed (the disk refused a write, say): the whole batch fails, and so does every later
   * write, since the market cannot go on with books it could not keep.
   */
  private void failCommit(List<Pending> batch, SQLException e) {
    // Not logged here: every caller gets the failure, and the market reports it once as it stops.
    LedgerException fatal =
        new LedgerException(
            "could not commit " + what(batch) + ": " + WriteFailures.describe(e), e);
    broken = fatal;
    try {
      writes.rolledBack(0);
    } catch (SQLException forget) {
      e.addSuppressed(forget);
    }
    try {
      connection.rollback();
    } catch (SQLException rollback) {
      e.addSuppressed(rollback);
    }
    settle(batch, i -> fatal);
  }

  /**
   * Completes each write's future on the completions thread: committed when {@code failureOf} gives
   * null for it, else failed with what it gives.
   */
  private void settle(List<Pending> batch, IntFunction<LedgerException> failureOf) {
    List<Pending> settled = List.copyOf(batch);
    List<LedgerException> failures = new ArrayList<>(settled.size());
    for (int i = 0; i < settled.size(); i++) {
      failures.add(failureOf.apply(i));
    }
    completions.execute(
        () -> {
          for (int i = 0; i < settled.size(); i++) {
            if (failures.get(i) == null) {
              settled.get(i).done().complete(null);
            } else {
              settled.get(i).done().completeExceptionally(failures.get(i));
            }
          }
        });
  }

  private static String what(List<Pending> batch) {
    String first = batch.get(0).what();
    return batch.size() == 1 ? first : first + " and " + (batch.size() - 1) + " more writes";
  }

  /**
   * The common case: every write of the batch in one transaction, without a savepoint each (a lone
   * write too: under unary trades, the commits of one write with their savepoint statements took
   * about a third of the writer's time). When a write fails, the transaction is rolled back and
   * false returned, and the caller writes them again one savepoint each, so that only the failing
   * write fails; when the commit itself fails, the batch fails here, as the caller's would.
   */
  private boolean commitTogether(List<Pending> batch) {
    try {
      for (Pending pending : batch) {
        pending.write().apply(writes);
      }
      writes.flush();
    } catch (SQLException | RuntimeException e) {
      try {
        // First: a row of this batch left in a statement's batch would be inserted again with the
        // first write retried, whether or not the rollback works.
        writes.rolledBack(0);
        connection.rollback();
      } catch (SQLException rollback) {
        // The writes are retried one by one, and a failure of the disk then stops the market with
        // one clear line.
        LOG.fine("rolling back a batch failed: " + rollback.getMessage());
      }
      return false;
    }
    try {
      connection.commit();
    } catch (SQLException e) {
      // After a failed commit SQLite may have rolled back and ended the transaction: writing the
      // batch again one savepoint each would then commit each write by itself, and report a
      // confusing error instead of the disk's.
      failCommit(batch, e);
      return true;
    }
    writes.committed();
    commits.incrementAndGet();
    written.addAndGet(batch.size());
    settle(batch, i -> null);
    return true;
  }

  /** Commits what is queued, stops the writer and closes the connection. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    boolean interrupted = false;
    boolean queued = false;
    while (!queued) {
      try {
        queue.put(STOP);
        queued = true;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    // Every write's future is complete when close returns.
    completions.shutdown();
    while (!completions.isTerminated()) {
      try {
        completions.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    try {
      savepoints.close();
      writes.close();
      connection.close();
    } catch (SQLException e) {
      LOG.warning("closing the ledger: " + WriteFailures.describe(e));
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}

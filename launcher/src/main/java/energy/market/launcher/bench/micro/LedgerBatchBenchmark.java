package energy.market.launcher.bench.micro;

import energy.market.model.Side;
import energy.market.server.day.TradeRecord;
import energy.market.server.ledger.UnusableLedgerException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A batch of {@code batch} trades kept in a real SQLite ledger (WAL, {@code synchronous=FULL}) in a
 * temporary directory, through the ledger's own writer: one write of the batch (one commit, so one
 * fsync), or the batch's trades each its own write, queued together as unary trades arrive.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LedgerBatchBenchmark {
  private static final int HOMES = 64;

  @Param({"1", "100"})
  public int batch;

  private TemporaryLedger ledger;
  private long tradeId;

  @Setup(Level.Trial)
  public void ledgerWithHomes() throws IOException, UnusableLedgerException {
    ledger = TemporaryLedger.withHomes(HOMES);
  }

  /** Completes once the batch is committed, as a trade's receipt waits for its commit. */
  @Benchmark
  public void keepBatch() {
    List<TradeRecord> trades = new ArrayList<>(batch);
    for (int i = 0; i < batch; i++) {
      trades.add(nextTrade());
    }
    ledger.ledger().tradesKept(trades).join();
  }

  /**
   * The same trades as {@link #keepBatch}, each its own write, all queued at once: as unary trades
   * reach the writer, one call's trade each, and share its commits.
   */
  @Benchmark
  public void keepTradesWrittenOneByOne() {
    List<CompletableFuture<Void>> kept = new ArrayList<>(batch);
    for (int i = 0; i < batch; i++) {
      kept.add(ledger.ledger().tradesKept(List.of(nextTrade())));
    }
    CompletableFuture.allOf(kept.toArray(CompletableFuture[]::new)).join();
  }

  /** A one-Wh buy of the next home in turn, with a new trade and request id. */
  private TradeRecord nextTrade() {
    long id = ++tradeId;
    return new TradeRecord(id, 1 + id % HOMES, 1, Side.BUY, 1, 170_000, 170, "jmh-" + id);
  }

  @TearDown(Level.Trial)
  public void removeLedger() throws IOException {
    ledger.close();
  }
}

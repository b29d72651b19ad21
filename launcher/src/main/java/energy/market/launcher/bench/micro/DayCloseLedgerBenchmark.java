package energy.market.launcher.bench.micro;

import energy.market.server.day.Account;
import energy.market.server.day.DayTotals;
import energy.market.server.day.HomeDaySummary;
import energy.market.server.feed.Tick;
import energy.market.server.ledger.ClosedDay;
import energy.market.server.ledger.UnusableLedgerException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * A day's close of {@code homes} homes kept in a real SQLite ledger (WAL, {@code synchronous=FULL})
 * through the ledger's own writer: the day's row and a row per home, one commit; every 32nd close
 * also writes every home's account whole, so the figure is their average. The market tells nobody
 * about a close before this returns, so in a large simulation it is on every day's critical path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DayCloseLedgerBenchmark {
  @Param({"1000", "10000"})
  public int homes;

  private TemporaryLedger ledger;
  private Account[] accounts;
  private long day;

  @Setup(Level.Trial)
  public void ledgerWithHomes() throws IOException, UnusableLedgerException {
    ledger = TemporaryLedger.withHomes(homes);
    accounts = new Account[homes];
    for (int i = 0; i < homes; i++) {
      accounts[i] = Account.empty(i + 1);
    }
  }

  /** Completes once the day is committed. */
  @Benchmark
  public void closeDay() {
    day++;
    List<HomeDaySummary> summaries = new ArrayList<>(homes);
    List<Account> updated = new ArrayList<>(homes);
    for (int i = 0; i < homes; i++) {
      long produced = 1_000 + (day * 7 + i) % 5_000;
      HomeDaySummary summary =
          new HomeDaySummary(
              i + 1, day, true, produced, 4_000, 0, 0, 0, 0, 0, 0, 4_000, produced, 0, 680, 0);
      summaries.add(summary);
      accounts[i] = accounts[i].plus(summary);
      updated.add(accounts[i]);
    }
    Tick tick =
        new Tick(
            day, 170_000, 0, 170_000, 12.5, false, List.of(), 0, 0, 0, homes, Instant.EPOCH, false);
    DayTotals totals = new DayTotals(day, homes, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    ledger.ledger().dayClosed(new ClosedDay(tick, totals, summaries, updated));
  }

  @TearDown(Level.Trial)
  public void removeLedger() throws IOException {
    ledger.close();
  }
}

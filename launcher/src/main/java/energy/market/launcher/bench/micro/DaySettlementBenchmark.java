package energy.market.launcher.bench.micro;

import energy.market.model.Policy;
import energy.market.model.Side;
import energy.market.server.day.Account;
import energy.market.server.day.BooksViolation;
import energy.market.server.day.DayTotals;
import energy.market.server.day.HomeDay;
import energy.market.server.day.HomeDaySummary;
import energy.market.server.day.TradeIds;
import energy.market.server.day.TradeRecord;
import energy.market.server.homes.Home;
import energy.market.server.price.PriceInputs;
import energy.market.server.price.PriceModel;
import energy.market.server.price.PriceParameters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A day's close over {@code homes} homes that each traded a few times: the steps of the engine's
 * settlement, through the public {@code day} classes it uses (home summaries in id order, the day's
 * totals checked against its trades, every account moved on a day, the next price).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DaySettlementBenchmark {
  private static final long DAY = 1;
  private static final long PRICE = PriceParameters.DEFAULTS.initialMicro();

  @Param("1000")
  public int homes;

  @Param("4")
  public int tradesPerHome;

  private final PriceModel priceModel = new PriceModel(PriceParameters.DEFAULTS);
  private final List<HomeDay> homeDays = new ArrayList<>();
  private final List<TradeRecord> trades = new ArrayList<>();
  private final Map<Long, Account> accounts = new HashMap<>();

  @Setup
  public void tradedDay() {
    SplittableRandom random = new SplittableRandom(14);
    TradeIds ids = new TradeIds(0);
    for (int i = 0; i < homes; i++) {
      Home home = new Home(i + 1, "home-" + i, Policy.ALWAYS_SELL, "");
      HomeDay day = new HomeDay(home, DAY);
      boolean producer = random.nextBoolean();
      long produced = producer ? random.nextLong(10_000, 20_000) : random.nextLong(0, 5_000);
      long consumed = producer ? random.nextLong(0, 5_000) : random.nextLong(10_000, 20_000);
      day.declare(produced, consumed);
      day.applyGifts(0, 0);
      for (int t = 0; t < tradesPerHome; t++) {
        Side side = producer ? Side.SELL : Side.BUY;
        trades.add(day.trade(side, 100, PRICE, "r-" + t, ids).record());
      }
      homeDays.add(day);
      accounts.put(home.id(), Account.empty(home.id()));
    }
  }

  /** Returns the next price, which depends on every step, so nothing is dropped as dead code. */
  @Benchmark
  public long settleDay() {
    List<HomeDaySummary> summaries = new ArrayList<>(homeDays.size());
    for (HomeDay home : homeDays) {
      summaries.add(home.summary());
    }
    summaries.sort(Comparator.comparingLong(HomeDaySummary::homeId));
    DayTotals totals = DayTotals.settle(DAY, summaries, trades);
    List<Account> updated = new ArrayList<>(summaries.size());
    for (HomeDaySummary summary : summaries) {
      Account account = accounts.get(summary.homeId()).plus(summary);
      if (!account.energyBalances()) {
        throw new BooksViolation("account of home " + summary.homeId() + " " + account);
      }
      updated.add(account);
    }
    return priceModel
            .next(
                PRICE, new PriceInputs(totals.boughtWh(), totals.soldWh(), totals.homes(), 18.0, 0))
            .priceMicro()
        + updated.size();
  }
}

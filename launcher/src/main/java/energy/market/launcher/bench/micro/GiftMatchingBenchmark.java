package energy.market.launcher.bench.micro;

import energy.market.server.day.GiftMatcher;
import energy.market.server.day.GiftOrder;
import energy.market.server.day.GiftOutcome;
import java.util.ArrayList;
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

/** One day's gift matching: half the homes offer a surplus, the other half claim a deficit. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GiftMatchingBenchmark {
  @Param("1000")
  public int homes;

  private final GiftMatcher matcher = new GiftMatcher(14);
  private final List<GiftOrder> offers = new ArrayList<>();
  private final List<GiftOrder> claims = new ArrayList<>();
  private long day;

  @Setup
  public void seededQueue() {
    SplittableRandom random = new SplittableRandom(14);
    for (int i = 0; i < homes; i++) {
      GiftOrder order = new GiftOrder(i + 1, "home-" + i, random.nextLong(1, 20_000));
      (i % 2 == 0 ? offers : claims).add(order);
    }
  }

  /** A new day each call: the matching order is a hash of the seed, the day and the names. */
  @Benchmark
  public Map<Long, GiftOutcome> matchDay() {
    return matcher.match(++day, offers, claims);
  }
}

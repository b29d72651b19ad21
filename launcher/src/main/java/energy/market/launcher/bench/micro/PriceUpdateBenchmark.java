package energy.market.launcher.bench.micro;

import energy.market.server.price.PriceInputs;
import energy.market.server.price.PriceModel;
import energy.market.server.price.PriceParameters;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One day's price update ({@link PriceModel#next}) over a year of varied, seeded day inputs. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PriceUpdateBenchmark {
  private static final int DAYS = 365;

  private final PriceModel model = new PriceModel(PriceParameters.DEFAULTS);
  private final PriceInputs[] days = new PriceInputs[DAYS];
  private long price = PriceParameters.DEFAULTS.initialMicro();
  private int day;

  @Setup
  public void seededDays() {
    SplittableRandom random = new SplittableRandom(14);
    for (int i = 0; i < DAYS; i++) {
      days[i] =
          new PriceInputs(
              random.nextLong(0, 5_000_000),
              random.nextLong(0, 5_000_000),
              1000,
              random.nextDouble(-10, 35),
              random.nextInt(4) == 0 ? random.nextLong(-20_000, 20_000) : 0);
    }
  }

  /** Returns the price so the JIT cannot drop the call; it carries over to the next day. */
  @Benchmark
  public long nextPrice() {
    price = model.next(price, days[day]).priceMicro();
    day = day + 1 == DAYS ? 0 : day + 1;
    return price;
  }
}

package energy.market.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * A seconds-long smoke run of every JMH micro-benchmark, so that they keep compiling and running:
 * one fork, no warm-up, one short iteration each. It checks that each produced a score, never how
 * fast it was.
 */
class MicroBenchmarksTest {
  @Test
  void everyMicroBenchmarkRunsInItsOwnJvmAndProducesAScore() throws Exception {
    Options options =
        new OptionsBuilder()
            .include(MicroBench.PACKAGE.replace(".", "\\.") + "\\..*")
            .forks(1)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(100))
            // JMH's progress goes to a file, not into the build's log; the results come back.
            .output(Path.of("target", "jmh-smoke.txt").toString())
            .build();

    Collection<RunResult> results = new Runner(options).run();

    Set<String> benchmarks = new TreeSet<>();
    for (RunResult result : results) {
      double score = result.getPrimaryResult().getScore();
      assertTrue(score > 0 && Double.isFinite(score), result.getParams() + ": " + score);
      String name = result.getParams().getBenchmark();
      benchmarks.add(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1));
    }
    assertEquals(
        Set.of(
            "DayCloseLedgerBenchmark.closeDay",
            "DaySettlementBenchmark.settleDay",
            "GiftMatchingBenchmark.matchDay",
            "LedgerBatchBenchmark.keepBatch",
            "LedgerBatchBenchmark.keepTradesWrittenOneByOne",
            "PriceUpdateBenchmark.nextPrice"),
        benchmarks);
  }
}

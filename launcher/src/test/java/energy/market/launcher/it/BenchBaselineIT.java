package energy.market.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code energy-market bench baseline}, briefly, as a person runs it: a real echo server process
 * and real calls over loopback. It checks that a rate is measured and summed up, never how high.
 */
class BenchBaselineIT {
  @Test
  void unaryBaselineReportsAPositiveCallRateForEachRunAndTheirSummary() throws Exception {
    try (ChildProcess bench =
        Launch.energyMarket(
            "bench", "baseline", "--seconds", "1", "--warm-up", "0", "--runs", "2")) {
      for (int run = 1; run <= 2; run++) {
        Matcher line =
            bench.awaitMatch(
                Pattern.compile("^run " + run + "/2: transport calls/s ([\\d,.]+), p50 ms"),
                Await.LONG);
        assertTrue(rate(line) > 0, bench.transcript());
      }
      Matcher summary =
          bench.awaitMatch(
              Pattern.compile("^  calls/s\\s+([\\d,.]+) \\[[\\d,.]+\\.\\.[\\d,.]+]"), Await.LONG);
      assertTrue(rate(summary) > 0, bench.transcript());
      assertEquals(0, bench.awaitExit(Await.LONG), bench.transcript());
    }
  }

  @Test
  void durableBaselineAnswersEchoCallsAndDescribesItself() throws Exception {
    try (ChildProcess bench =
        Launch.energyMarket(
            "bench", "baseline", "--durable", "--seconds", "1", "--warm-up", "0", "--runs", "1")) {
      Matcher line =
          bench.awaitMatch(
              Pattern.compile("^run 1/1: transport calls/s ([\\d,.]+), p50 ms"), Await.LONG);
      assertTrue(rate(line) > 0, bench.transcript());
      bench.awaitLine("unary echo answered once on disk", Await.LONG);
      assertEquals(0, bench.awaitExit(Await.LONG), bench.transcript());
    }
  }

  @Test
  void theDurableOptionIsRefusedWithTheFeed() throws Exception {
    try (ChildProcess bench = Launch.energyMarket("bench", "baseline", "--durable", "--feed")) {
      assertEquals(2, bench.awaitExit(Await.LONG), bench.transcript());
      assertTrue(
          bench.transcript().contains("--durable is for the unary echo"), bench.transcript());
    }
  }

  @Test
  void feedBaselineDeliversTicksToEverySubscriber() throws Exception {
    try (ChildProcess bench =
        Launch.energyMarket(
            "bench",
            "baseline",
            "--feed",
            "--subscribers",
            "20",
            "--seconds",
            "1",
            "--warm-up",
            "0",
            "--runs",
            "1")) {
      Matcher line =
          bench.awaitMatch(
              Pattern.compile("^run 1/1: transport ticks/s ([\\d,.]+), p50 ms"), Await.LONG);
      assertTrue(rate(line) > 0, bench.transcript());
      assertEquals(0, bench.awaitExit(Await.LONG), bench.transcript());
    }
  }

  private static double rate(Matcher matcher) {
    return Double.parseDouble(matcher.group(1).replace(",", ""));
  }
}

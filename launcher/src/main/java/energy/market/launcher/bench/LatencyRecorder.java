package energy.market.launcher.bench;

import java.util.Arrays;

/** Collects latencies (nanoseconds) and reports percentiles. Thread-safe. */
final class LatencyRecorder {
  private long[] samples = new long[1 << 16];
  private int count;

  synchronized void record(long nanos) {
    if (count == samples.length) {
      samples = Arrays.copyOf(samples, samples.length * 2);
    }
    samples[count++] = nanos;
  }

  synchronized int count() {
    return count;
  }

  /** The {@code quantile} (0..1) in milliseconds, or NaN without samples. */
  synchronized double millis(double quantile) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(samples, count);
    Arrays.sort(sorted);
    int index = (int) Math.min(count - 1, Math.max(0, Math.ceil(quantile * count) - 1));
    return sorted[index] / 1e6;
  }
}

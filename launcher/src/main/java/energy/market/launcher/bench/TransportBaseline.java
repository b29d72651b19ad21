package energy.market.launcher.bench;

import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The transport's own figures, measured like the market's: an {@link EchoServer} process on
 * 127.0.0.1 driven the way {@code bench trades} drives trades (unary calls in flight) or {@code
 * bench feed} feeds subscribers (a tick stream), with the market's channel settings.
 */
final class TransportBaseline {
  /** How long every subscriber may take to get its first tick: JVMs start slowly on a busy box. */
  static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(60);

  private TransportBaseline() {}

  /**
   * Unary echo calls, counted after {@code warmUpSeconds} of the same load: calls/s, p50 ms, p99
   * ms, errors.
   *
   * @param durable whether each answer waits until its request is on disk ({@link DurableEcho})
   */
  static Figures unary(
      boolean tls, int callers, int warmUpSeconds, int seconds, int payloadBytes, boolean durable)
      throws IOException, InterruptedException {
    try (BenchProcess server = echoServer(tls, Duration.ofSeconds(1), 0, durable)) {
      ManagedChannel channel = server.openChannel();
      try {
        if (warmUpSeconds > 0) {
          new EchoCalls(channel, payloadBytes)
              .run(callers, TimeUnit.SECONDS.toNanos(warmUpSeconds));
        }
        EchoCalls calls = new EchoCalls(channel, payloadBytes);
        calls.run(callers, TimeUnit.SECONDS.toNanos(seconds));
        return new Figures()
            .put("calls/s", calls.ok.get() / (double) seconds)
            .put("p50 ms", calls.latency.millis(0.50))
            .put("p99 ms", calls.latency.millis(0.99))
            .put("errors", calls.failed.get() + calls.refused.get());
      } finally {
        channel.shutdownNow();
      }
    }
  }

  /**
   * A tick stream to many subscribers, counted after {@code warmUpSeconds}: ticks/s delivered, p50
   * ms, p99 ms, max ms, errors.
   */
  static Figures feed(
      boolean tls,
      int subscribers,
      int channels,
      Duration tickPeriod,
      int tickBytes,
      int warmUpSeconds,
      int seconds)
      throws IOException, InterruptedException {
    List<ManagedChannel> connections = new ArrayList<>();
    try (BenchProcess server = echoServer(tls, tickPeriod, tickBytes, false)) {
      for (int c = 0; c < channels; c++) {
        connections.add(server.openChannel());
      }
      TickSubscribers ticks = new TickSubscribers();
      ticks.subscribe(subscribers, connections);
      ticks.measure(
          SUBSCRIBE_TIMEOUT, Duration.ofSeconds(warmUpSeconds), Duration.ofSeconds(seconds));
      return new Figures()
          .put("ticks/s", ticks.ticksPerSecond())
          .put("p50 ms", ticks.latency.millis(0.50))
          .put("p99 ms", ticks.latency.millis(0.99))
          .put("max ms", ticks.latency.millis(1.0))
          .put("errors", ticks.errors.get());
    } finally {
      connections.forEach(ManagedChannel::shutdownNow);
    }
  }

  private static BenchProcess echoServer(
      boolean tls, Duration tickPeriod, int tickBytes, boolean durable) throws IOException {
    Path dataDir = Files.createTempDirectory("energy-market-bench-echo");
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "bench",
                "echo-server",
                "--tick-period",
                // Exact to the microsecond, as the market reads its --day-length.
                String.format(Locale.ROOT, "%.3fms", tickPeriod.toNanos() / 1e6),
                "--tick-bytes",
                Integer.toString(tickBytes)));
    if (durable) {
      // Beside the market's ledger in a bench: the same disk.
      arguments.addAll(List.of("--durable-log", dataDir.resolve("echo.log").toString()));
    }
    // The echo server keeps nothing worth reading once it ran: its directory goes with it.
    return new BenchProcess(dataDir, arguments, tls, List.of(), true);
  }
}

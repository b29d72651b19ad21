package energy.market.launcher.bench;

import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.StreamPricesRequest;
import energy.market.client.Durations;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench feed}: how long a tick takes from the market's close to each of many {@code
 * StreamPrices} subscribers, measured with the tick's own close time (one machine, one clock).
 */
@Command(
    name = "feed",
    mixinStandardHelpOptions = true,
    description =
        "Measures the price feed's delivery latency (tick close to arrival) to --subscribers "
            + "StreamPrices subscribers of a market process on 127.0.0.1 closing a day every "
            + "--day-length.")
public final class FeedBench implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--subscribers",
      description = "Subscribers (default: ${DEFAULT-VALUE}).",
      defaultValue = "1000")
  int subscribers;

  @Option(
      names = "--channels",
      description = "Connections the subscribers are spread over (default: ${DEFAULT-VALUE}).",
      defaultValue = "4")
  int channels;

  @Option(
      names = "--day-length",
      description = "The market's day length (default: ${DEFAULT-VALUE}).",
      defaultValue = "50ms")
  String dayLength;

  @Option(
      names = "--seconds",
      description = "How long to measure (default: ${DEFAULT-VALUE}).",
      defaultValue = "10")
  int seconds;

  @Option(
      names = "--warm-up",
      description =
          "Seconds of ticks before --seconds, not counted, so that both JVMs have compiled the"
              + " hot paths; on 2 cores that takes about 10 s (default: ${DEFAULT-VALUE}).",
      defaultValue = "10")
  int warmUp;

  @Mixin BenchTlsOption tls;

  @Mixin RunsOption runs;

  @Mixin BaselineOption baseline;

  @Mixin ProfileOption profile;

  @Override
  public Integer call() throws Exception {
    if (subscribers < 1 || channels < 1 || seconds < 1 || runs.runs < 1 || warmUp < 0) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--subscribers, --channels, --seconds and --runs must be >= 1, --warm-up >= 0");
    }
    Duration tickPeriod;
    try {
      tickPeriod = Durations.parse(dayLength);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (tickPeriod.isZero() && !baseline.skip) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--day-length 0 has no transport baseline to match (it ticks once a day); add"
              + " --no-baseline");
    }
    PrintWriter out = spec.commandLine().getOut();
    // The transport's figure comes first, seconds before the market's: the same subscribers and
    // connections, a tick of about a PriceTick's size as often as the market closes a day.
    RepeatedRuns.Measurement transport =
        baseline.skip
            ? null
            : run ->
                TransportBaseline.feed(
                    tls.enabled,
                    subscribers,
                    channels,
                    tickPeriod,
                    BaselineCommand.DEFAULT_TICK_BYTES,
                    warmUp,
                    seconds);
    return new RepeatedRuns(out, runs.runs)
        .run(
            transport,
            "bench baseline --feed",
            run -> measure(out, run),
            List.of(
                new RepeatedRuns.Ratio("p50 ms", "p50 ms"),
                new RepeatedRuns.Ratio("p99 ms", "p99 ms")),
            profile);
  }

  /** One run against a fresh market: its line of figures printed, and returned. */
  private Figures measure(PrintWriter out, int run) throws Exception {
    LatencyRecorder latency = new LatencyRecorder();
    AtomicLong received = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<ManagedChannel> connections = new ArrayList<>();
    try (MarketUnderTest market =
        new MarketUnderTest(
            List.of("--day-length", dayLength), tls.enabled, profile.jvmOptions(run, runs.runs))) {
      out.printf("market pid %d%n", market.pid());
      out.flush();
      for (int c = 0; c < channels; c++) {
        connections.add(market.openChannel());
      }
      long warmUpEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmUp);
      for (int i = 0; i < subscribers; i++) {
        MarketGrpc.newStub(connections.get(i % channels))
            .streamPrices(
                StreamPricesRequest.getDefaultInstance(),
                new StreamObserver<>() {
                  @Override
                  public void onNext(PriceTick tick) {
                    if (System.nanoTime() < warmUpEnd) {
                      return;
                    }
                    Instant closed =
                        Instant.ofEpochSecond(
                            tick.getClosedAt().getSeconds(), tick.getClosedAt().getNanos());
                    Instant now = Instant.now();
                    latency.record(
                        (now.getEpochSecond() - closed.getEpochSecond()) * 1_000_000_000L
                            + (now.getNano() - closed.getNano()));
                    received.incrementAndGet();
                  }

                  @Override
                  public void onError(Throwable t) {
                    errors.incrementAndGet();
                  }

                  @Override
                  public void onCompleted() {}
                });
      }
      TimeUnit.SECONDS.sleep((long) warmUp + seconds);
      out.printf(
          Locale.ROOT,
          "feed: %d ticks delivered to %d subscribers in %d s; latency p50 %.2f ms, p99 %.2f ms,"
              + " max %.2f ms; %d streams failed (%d cores)%n",
          received.get(),
          subscribers,
          seconds,
          latency.millis(0.50),
          latency.millis(0.99),
          latency.millis(1.0),
          errors.get(),
          Runtime.getRuntime().availableProcessors());
      out.flush();
      return new Figures()
          .put("ticks/s", received.get() / (double) seconds)
          .put("p50 ms", latency.millis(0.50))
          .put("p99 ms", latency.millis(0.99))
          .put("max ms", latency.millis(1.0))
          .put("errors", errors.get());
    } finally {
      connections.forEach(ManagedChannel::shutdownNow);
    }
  }
}

package energy.market.launcher.bench;

import energy.market.client.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench baseline}: what grpc-java itself does on this machine with the market's transport
 * settings, the limit the market's own figures are measured against.
 */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the transport's own limit: a plain grpc-java echo server process on 127.0.0.1"
          + " with the market's transport settings (Netty, direct executor, the market's message,"
          + " metadata and per-connection call limits), and --callers closed-loop unary echo"
          + " calls of --payload-bytes over the market's channel settings for --seconds; prints"
          + " calls/s, p50 and p99.",
      "With --durable, each echo is answered only once its request is written to a file in the"
          + " server's temporary directory and forced to disk, the requests waiting at the time"
          + " sharing one force, as the market's ledger commits trades: the floor of a durable"
          + " unary call on this disk.",
      "With --feed, measures instead a tick of --tick-bytes broadcast every --tick-period to"
          + " --subscribers streams over --channels connections: ticks/s delivered, p50, p99 and"
          + " max latency, as bench feed.",
      ""
    })
public final class BaselineCommand implements Callable<Integer> {
  /** About a TradeRequest of the trades bench: a home's id and 64-character secret, an id. */
  static final int DEFAULT_PAYLOAD_BYTES = 100;

  /** About a PriceTick of the feed. */
  static final int DEFAULT_TICK_BYTES = 80;

  @Spec CommandSpec spec;

  @Option(
      names = "--callers",
      description = "Unary calls kept in flight at once (default: ${DEFAULT-VALUE}).",
      defaultValue = "64")
  int callers;

  @Option(
      names = "--payload-bytes",
      description = "Size of each echo request and answer (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + DEFAULT_PAYLOAD_BYTES)
  int payloadBytes;

  @Option(
      names = "--seconds",
      description = "How long each run measures (default: ${DEFAULT-VALUE}).",
      defaultValue = "10")
  int seconds;

  @Option(
      names = "--warm-up",
      description =
          "Seconds of the same load before --seconds, not counted, as bench trades and bench"
              + " feed (default: ${DEFAULT-VALUE}).",
      defaultValue = "10")
  int warmUp;

  @Option(
      names = "--durable",
      description =
          "Answer each echo only once its request is on disk (one force for all the requests"
              + " waiting), as bench trades answers a trade only once it is committed (default:"
              + " answer at once).")
  boolean durable;

  @Option(
      names = "--feed",
      description = "Measure a broadcast tick stream instead of unary calls (default: unary).")
  boolean feed;

  @Option(
      names = "--subscribers",
      description = "With --feed: tick stream subscribers (default: ${DEFAULT-VALUE}).",
      defaultValue = "1000")
  int subscribers;

  @Option(
      names = "--channels",
      description = "With --feed: connections the subscribers share (default: ${DEFAULT-VALUE}).",
      defaultValue = "4")
  int channels;

  @Option(
      names = "--tick-period",
      converter = Durations.class,
      description = "With --feed: time between ticks (default: ${DEFAULT-VALUE}).",
      defaultValue = "50ms")
  Duration tickPeriod;

  @Option(
      names = "--tick-bytes",
      description = "With --feed: size of a tick (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + DEFAULT_TICK_BYTES)
  int tickBytes;

  @Mixin RunsOption runs;

  @Mixin BenchTlsOption tls;

  @Override
  public Integer call() throws Exception {
    if (callers < 1 || seconds < 1 || runs.runs < 1 || subscribers < 1 || channels < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "--callers, --seconds, --runs, --subscribers and --channels must be >= 1");
    }
    if (warmUp < 0
        || payloadBytes < 0
        || tickBytes < 0
        || tickPeriod.isZero()
        || tickPeriod.isNegative()) {
      throw new ParameterException(
          spec.commandLine(),
          "--warm-up, --payload-bytes and --tick-bytes must be >= 0, --tick-period > 0");
    }
    if (feed && durable) {
      throw new ParameterException(
          spec.commandLine(), "--durable is for the unary echo; leave it out with --feed");
    }
    PrintWriter out = spec.commandLine().getOut();
    RunSummary summary = new RunSummary();
    long errors = 0;
    for (int run = 1; run <= runs.runs; run++) {
      Figures figures = measure();
      errors += (long) figures.get("errors");
      out.printf("run %d/%d: transport %s%n", run, runs.runs, figures);
      out.flush();
      summary.add(figures);
    }
    out.println(describe());
    summary.print(out);
    return errors == 0 ? 0 : 1;
  }

  /** One run, with the options of this command. */
  Figures measure() throws Exception {
    return feed
        ? TransportBaseline.feed(
            tls.enabled, subscribers, channels, tickPeriod, tickBytes, warmUp, seconds)
        : TransportBaseline.unary(tls.enabled, callers, warmUp, seconds, payloadBytes, durable);
  }

  private String describe() {
    String transport = tls.enabled ? "TLS" : "plaintext";
    return feed
        ? String.format(
            "transport baseline, tick stream: %d subscribers over %d connections, a %d-byte tick"
                + " every %d ms, %d s a run, %s, %d cores",
            subscribers,
            channels,
            tickBytes,
            tickPeriod.toMillis(),
            seconds,
            transport,
            Runtime.getRuntime().availableProcessors())
        : String.format(
            "transport baseline, unary echo%s: %d calls in flight, %d-byte messages, %d s a run,"
                + " %s, %d cores",
            durable ? " answered once on disk" : "",
            callers,
            payloadBytes,
            seconds,
            transport,
            Runtime.getRuntime().availableProcessors());
  }
}

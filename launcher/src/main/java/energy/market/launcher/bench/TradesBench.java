package energy.market.launcher.bench;

import energy.market.api.v1.DayReports;
import energy.market.api.v1.HomeDayReport;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.Phase;
import energy.market.api.v1.RegisterRequest;
import energy.market.api.v1.RegisterResponse;
import energy.market.api.v1.SessionEvent;
import energy.market.api.v1.SessionHello;
import energy.market.api.v1.SessionRequest;
import energy.market.api.v1.TradeOrders;
import energy.market.api.v1.TradePolicy;
import energy.market.api.v1.TradeSide;
import energy.market.client.MarketCredentials;
import energy.market.server.day.HomeCapacity;
import io.grpc.stub.StreamObserver;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench trades}: unary {@code Market/Trade} calls through the bounded executor of a market
 * process on loopback, each acknowledged only once durable in its ledger.
 */
@Command(
    name = "trades",
    mixinStandardHelpOptions = true,
    description =
        "Measures Market/Trade throughput and latency against a market process on 127.0.0.1: "
            + "homes declare a large deficit, then --callers loops each keep one 1 Wh buy in "
            + "flight for --seconds.")
public final class TradesBench implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--callers",
      description = "Trades kept in flight at once (default: ${DEFAULT-VALUE}).",
      defaultValue = "64")
  int callers;

  @Option(
      names = "--homes",
      description = "Homes the trades are spread over (default: ${DEFAULT-VALUE}).",
      defaultValue = "64")
  int homes;

  @Option(
      names = "--seconds",
      description = "How long to measure (default: ${DEFAULT-VALUE}).",
      defaultValue = "10")
  int seconds;

  @Option(
      names = "--warm-up",
      description =
          "Unary: seconds of the same load before --seconds, not counted, so that both JVMs"
              + " have compiled the hot paths; on 2 cores the figures climb for about 10 s"
              + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "10")
  int warmUp;

  @Option(
      names = "--batch",
      description =
          "Instead of unary calls, send this many orders per day in one session message "
              + "(Market/Connect), over --seconds days, and time each day's batch (default: "
              + "${DEFAULT-VALUE}, unary).",
      defaultValue = "0")
  int batch;

  @Option(
      names = "--max-concurrent-trades",
      description = "The market's limit on simultaneous trades (default: ${DEFAULT-VALUE}).",
      defaultValue = "4")
  int maxConcurrent;

  @Mixin BenchTlsOption tls;

  @Mixin RunsOption runs;

  @Option(
      names = "--durable-baseline",
      description =
          "Measure the transport baseline with each echo answered only once its request is on"
              + " disk (bench baseline --durable), so that the ratio compares durable trades with"
              + " durable calls (default: the plain echo).")
  boolean durableBaseline;

  @Mixin BaselineOption baseline;

  @Mixin ProfileOption profile;

  @Override
  public Integer call() throws Exception {
    if (callers < 1 || homes < 1 || seconds < 1 || maxConcurrent < 1 || runs.runs < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--callers, --homes, --seconds, --max-concurrent-trades and --runs must be >= 1");
    }
    if (warmUp < 0) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--warm-up must be >= 0");
    }
    if (durableBaseline && (baseline.skip || batch > 0)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--durable-baseline measures the baseline that --no-baseline and --batch leave out;"
              + " use it without them");
    }
    PrintWriter out = spec.commandLine().getOut();
    // The transport's figure comes first, seconds before the market's, with the same calls in
    // flight; batches are one message a day, which no unary echo matches.
    RepeatedRuns.Measurement transport =
        baseline.skip || batch > 0
            ? null
            : run ->
                TransportBaseline.unary(
                    tls.enabled,
                    callers,
                    warmUp,
                    seconds,
                    BaselineCommand.DEFAULT_PAYLOAD_BYTES,
                    durableBaseline);
    return new RepeatedRuns(out, runs.runs)
        .run(
            transport,
            durableBaseline ? "bench baseline --durable" : "bench baseline",
            run -> measure(out, run),
            List.of(
                new RepeatedRuns.Ratio("trades/s", "calls/s"),
                new RepeatedRuns.Ratio("p50 ms", "p50 ms"),
                new RepeatedRuns.Ratio("p99 ms", "p99 ms")),
            profile);
  }

  /** One run against a fresh market: its line of figures printed, and returned. */
  private Figures measure(PrintWriter out, int run) throws Exception {
    try (MarketUnderTest market =
        new MarketUnderTest(
            List.of(
                "--day-length",
                "0",
                "--phase-deadline",
                (warmUp + seconds + 60) + "s",
                "--await-homes",
                Integer.toString(homes),
                "--max-concurrent-trades",
                Integer.toString(maxConcurrent)),
            tls.enabled,
            profile.jvmOptions(run, runs.runs))) {
      out.printf("market pid %d%n", market.pid());
      out.flush();
      MarketGrpc.MarketBlockingStub blocking = MarketGrpc.newBlockingStub(market.channel);
      // The bench's homes live as long as its market, so one random secret serves them all.
      String secret = newSecret();
      MarketCredentials credentials = MarketCredentials.home(secret);
      List<Long> homeIds = new ArrayList<>();
      SessionHello.Builder hello = SessionHello.newBuilder().setLabel("bench");
      DayReports.Builder reports = DayReports.newBuilder().setDay(1);
      for (int i = 0; i < homes; i++) {
        RegisterResponse home =
            blocking
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .register(
                    RegisterRequest.newBuilder()
                        .setName("bench-" + i)
                        .setPolicy(TradePolicy.TRADE_POLICY_ALWAYS_SELL)
                        .setSecret(secret)
                        .build());
        homeIds.add(home.getHomeId());
        hello.addHomeIds(home.getHomeId());
        reports.addReports(
            HomeDayReport.newBuilder()
                .setHomeId(home.getHomeId())
                .setProducedWh(0)
                // As much as a home may declare: room for a million one-Wh buys a day.
                .setConsumedWh(HomeCapacity.DEFAULT_WH));
      }
      BlockingQueue<SessionEvent> events = new LinkedBlockingQueue<>();
      StreamObserver<SessionRequest> session =
          MarketGrpc.newStub(market.channel)
              .withCallCredentials(credentials)
              .connect(collect(events));
      session.onNext(SessionRequest.newBuilder().setHello(hello).build());
      awaitPhase(events, Phase.PHASE_GIFT);
      session.onNext(SessionRequest.newBuilder().setDayReports(reports).build());
      awaitPhase(events, Phase.PHASE_TRADE);
      if (batch > 0) {
        return batches(out, session, events, homeIds, reports);
      }

      MarketGrpc.MarketStub homeStub =
          MarketGrpc.newStub(market.channel).withCallCredentials(credentials);
      TradeCallers load = new TradeCallers(homeStub, homeIds);
      if (warmUp > 0) {
        TradeCallers warm = new TradeCallers(homeStub, homeIds);
        warm.run(callers, TimeUnit.SECONDS.toNanos(warmUp));
        // New request ids after the warm-up's: a repeated id is answered without a commit.
        load.sequence.set(warm.sequence.get());
      }
      load.run(callers, TimeUnit.SECONDS.toNanos(seconds));
      session.onNext(
          SessionRequest.newBuilder().setTradeOrders(TradeOrders.newBuilder().setDay(1)).build());
      session.onCompleted();

      out.printf(
          Locale.ROOT,
          "trades: %d acknowledged in %d s = %.0f trades/s; latency p50 %.2f ms, p99 %.2f ms;"
              + " refused with RESOURCE_EXHAUSTED %d, other errors %d%n"
              + "(%d callers, %d homes, --max-concurrent-trades %d, %d cores)%n",
          load.ok.get(),
          seconds,
          load.ok.get() / (double) seconds,
          load.latency.millis(0.50),
          load.latency.millis(0.99),
          load.refused.get(),
          load.failed.get(),
          callers,
          homes,
          maxConcurrent,
          Runtime.getRuntime().availableProcessors());
      out.flush();
      return new Figures()
          .put("trades/s", load.ok.get() / (double) seconds)
          .put("p50 ms", load.latency.millis(0.50))
          .put("p99 ms", load.latency.millis(0.99))
          .put("refused", load.refused.get())
          .put("errors", load.failed.get());
    }
  }

  /** Each day: one TradeOrders message of --batch orders; the time until its results arrive. */
  private Figures batches(
      PrintWriter out,
      StreamObserver<SessionRequest> session,
      BlockingQueue<SessionEvent> events,
      List<Long> homeIds,
      DayReports.Builder reports)
      throws InterruptedException {
    long totalOrders = 0;
    long totalNanos = 0;
    List<Double> rates = new ArrayList<>();
    for (int day = 1; day <= seconds; day++) {
      if (day > 1) {
        awaitPhase(events, Phase.PHASE_GIFT);
        session.onNext(
            SessionRequest.newBuilder().setDayReports(reports.clone().setDay(day)).build());
        awaitPhase(events, Phase.PHASE_TRADE);
      }
      TradeOrders.Builder orders = TradeOrders.newBuilder().setDay(day);
      for (int i = 0; i < batch; i++) {
        orders.addOrders(
            energy.market.api.v1.TradeOrder.newBuilder()
                .setHomeId(homeIds.get(i % homeIds.size()))
                .setSide(TradeSide.TRADE_SIDE_BUY)
                .setAmountWh(1)
                .setRequestId("bench-" + day + "-" + i));
      }
      long started = System.nanoTime();
      session.onNext(SessionRequest.newBuilder().setTradeOrders(orders).build());
      SessionEvent results;
      do {
        results = events.poll(120, TimeUnit.SECONDS);
        if (results == null) {
          throw new IllegalStateException("no trade results for day " + day);
        }
      } while (!results.hasTradeResults());
      long nanos = System.nanoTime() - started;
      int executed = results.getTradeResults().getReceiptsCount();
      totalOrders += executed;
      totalNanos += nanos;
      rates.add(executed / (nanos / 1e9));
    }
    session.onCompleted();
    rates.sort(Double::compare);
    out.printf(
        Locale.ROOT,
        "batched trades: %d acknowledged over %d days = %.0f trades/s overall, median day %.0f"
            + " trades/s (%d orders a day in one message, %d homes, --max-concurrent-trades %d,"
            + " %d cores)%n",
        totalOrders,
        seconds,
        totalOrders / (totalNanos / 1e9),
        rates.get(rates.size() / 2),
        batch,
        homes,
        maxConcurrent,
        Runtime.getRuntime().availableProcessors());
    out.flush();
    return new Figures()
        .put("trades/s", totalOrders / (totalNanos / 1e9))
        .put("median day trades/s", rates.get(rates.size() / 2))
        .put("errors", (long) batch * seconds - totalOrders);
  }

  private static StreamObserver<SessionEvent> collect(BlockingQueue<SessionEvent> events) {
    return new StreamObserver<>() {
      @Override
      public void onNext(SessionEvent event) {
        events.add(event);
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {}
    };
  }

  private static void awaitPhase(BlockingQueue<SessionEvent> events, Phase phase)
      throws InterruptedException {
    while (true) {
      SessionEvent event = events.poll(60, TimeUnit.SECONDS);
      if (event == null) {
        throw new IllegalStateException("the market did not reach " + phase);
      }
      if (event.hasPhaseStarted() && event.getPhaseStarted().getPhase() == phase) {
        return;
      }
    }
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}

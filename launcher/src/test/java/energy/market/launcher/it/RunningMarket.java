package energy.market.launcher.it;

import energy.market.api.v1.Account;
import energy.market.api.v1.EventsGrpc;
import energy.market.api.v1.GetAccountRequest;
import energy.market.api.v1.GetMarketStateRequest;
import energy.market.api.v1.MarketEvent;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.MarketState;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.StreamEventsRequest;
import energy.market.api.v1.StreamPricesRequest;
import energy.market.client.Channels;
import energy.market.client.MarketCredentials;
import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The market as a real process on 127.0.0.1, started as users start it ({@code energy-market
 * market}), with a channel to it, for end-to-end tests; it starts the other roles against itself
 * the same way.
 */
public final class RunningMarket implements AutoCloseable {
  /** The operator token every end-to-end market uses. */
  public static final String OPERATOR_TOKEN = "test-operator";

  /**
   * The operator's credentials at every end-to-end market (but one {@link #withItsOwnToken}, whose
   * token is in its data directory).
   */
  public static final MarketCredentials OPERATOR = MarketCredentials.operator(OPERATOR_TOKEN);

  public final ChildProcess process;
  public final int port;
  public final ManagedChannel channel;

  /** The state directory the homes started by {@link #home} keep their key in, unless told. */
  public final Path homeStateDir;

  /**
   * Starts {@code energy-market market} on an ephemeral port (unless {@code options} name one) with
   * its data in {@code dataDir}, and waits until it listens.
   */
  public RunningMarket(Path dataDir, String... options) throws Exception {
    this(dataDir, true, options);
  }

  /**
   * Starts a market for {@code days} days whose phases end when every participant is done (no clock
   * to race, however busy the machine), with a long phase deadline as the safety net.
   */
  public static RunningMarket waitingForParticipants(Path dataDir, int days, String... options)
      throws Exception {
    List<String> all =
        new ArrayList<>(
            List.of(
                "--day-length", "0", "--phase-deadline", "120s", "--days", Integer.toString(days)));
    all.addAll(List.of(options));
    return new RunningMarket(dataDir, all.toArray(String[]::new));
  }

  /**
   * Starts a market that makes its own operator token and writes it to its data directory, as it
   * does when a user gives none.
   */
  public static RunningMarket withItsOwnToken(Path dataDir, String... options) throws Exception {
    return new RunningMarket(dataDir, false, options);
  }

  /**
   * Starts {@code energy-market market} with the same port, address, data directory and operator
   * token as a running market, but does not wait for it to listen: for a market that is to exit by
   * itself, or whose output the test reads from the start.
   */
  public static ChildProcess start(Path dataDir, String... options) throws Exception {
    return ChildProcess.role("market", "market", arguments(dataDir, true, options));
  }

  private RunningMarket(Path dataDir, boolean givenToken, String... options) throws Exception {
    // Inside the test's own directory, never the user's: every test's homes are new homes.
    homeStateDir = dataDir.resolve("home-state");
    process = ChildProcess.role("market", "market", arguments(dataDir, givenToken, options));
    try {
      port = Integer.parseInt(process.awaitLine("market listening on port (\\d+)", Await.LONG));
    } catch (AssertionError | RuntimeException e) {
      process.close();
      throw e;
    }
    channel = Channels.open("127.0.0.1", port);
  }

  private static List<String> arguments(Path dataDir, boolean givenToken, String... options) {
    List<String> args = new ArrayList<>();
    if (!List.of(options).contains("--port")) {
      args.addAll(List.of("--port", "0"));
    }
    args.addAll(List.of("--bind", "127.0.0.1", "--data-dir", dataDir.toString()));
    if (givenToken) {
      args.addAll(List.of("--operator-token", OPERATOR_TOKEN));
    }
    args.addAll(List.of(options));
    return args;
  }

  /** The address other roles are given. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  /**
   * Starts {@code energy-market home} against this market (weather from the market and the key in
   * {@link #homeStateDir} unless told).
   */
  public ChildProcess home(String name, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("--market", address()));
    if (!List.of(options).contains("--weather")) {
      args.addAll(List.of("--weather", "market"));
    }
    if (!List.of(options).contains("--state-dir")) {
      args.addAll(List.of("--state-dir", homeStateDir.toString()));
    }
    args.addAll(List.of(options));
    return ChildProcess.role(name, "home", args);
  }

  /** Starts {@code energy-market weather} against this market, with its operator token. */
  public ChildProcess weather(String... options) throws Exception {
    List<String> args =
        new ArrayList<>(List.of("--market", address(), "--operator-token", OPERATOR_TOKEN));
    args.addAll(List.of(options));
    return ChildProcess.role("weather", "weather", args);
  }

  /** Starts {@code energy-market external} against this market, with its operator token. */
  public ChildProcess external(String... options) throws Exception {
    List<String> args =
        new ArrayList<>(List.of("--market", address(), "--operator-token", OPERATOR_TOKEN));
    args.addAll(List.of(options));
    return ChildProcess.role("external", "external", args);
  }

  /**
   * The ticks of days 1..{@code days}, waiting for them as the days close. The deadline is the
   * whole stream's, so it must cover every day on a busy machine.
   */
  public List<PriceTick> ticks(int days, Duration timeout) {
    Iterator<PriceTick> stream =
        MarketGrpc.newBlockingStub(channel)
            .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .streamPrices(StreamPricesRequest.newBuilder().setFromDay(1).build());
    List<PriceTick> ticks = new ArrayList<>();
    while (ticks.size() < days) {
      ticks.add(stream.next());
    }
    return ticks;
  }

  /** The accepted events, replayed from day 1 and then live, into a queue the test reads. */
  public BlockingQueue<MarketEvent> events() {
    BlockingQueue<MarketEvent> queue = new LinkedBlockingQueue<>();
    EventsGrpc.newStub(channel)
        .streamEvents(
            StreamEventsRequest.newBuilder().setFromDay(1).build(),
            new StreamObserver<>() {
              @Override
              public void onNext(MarketEvent event) {
                queue.add(event);
              }

              @Override
              public void onError(Throwable t) {}

              @Override
              public void onCompleted() {}
            });
    return queue;
  }

  /** The next event of a queue from {@link #events()}; fails when none comes in time. */
  public static MarketEvent nextEvent(BlockingQueue<MarketEvent> events)
      throws InterruptedException {
    MarketEvent event = events.poll(Await.LONG.toMillis(), TimeUnit.MILLISECONDS);
    if (event == null) {
      throw new AssertionError("no event on the market's feed within " + Await.LONG);
    }
    return event;
  }

  /** A loopback port that was free a moment ago, for a market that starts later. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The market's day and phase now. */
  public MarketState state() {
    return MarketGrpc.newBlockingStub(channel)
        .withDeadlineAfter(30, TimeUnit.SECONDS)
        .getMarketState(GetMarketStateRequest.getDefaultInstance());
  }

  /** The Events service, as the operator. */
  public EventsGrpc.EventsBlockingStub operatorEvents() {
    return EventsGrpc.newBlockingStub(channel)
        .withDeadlineAfter(30, TimeUnit.SECONDS)
        .withCallCredentials(OPERATOR);
  }

  /** A home's account, by name, read as the operator (who may read any home's). */
  public Account account(String name) {
    return MarketGrpc.newBlockingStub(channel)
        .withDeadlineAfter(30, TimeUnit.SECONDS)
        .withCallCredentials(OPERATOR)
        .getAccount(GetAccountRequest.newBuilder().setName(name).build());
  }

  @Override
  public void close() {
    channel.shutdownNow();
    process.close();
  }
}

package energy.market.server;

import energy.market.api.v1.EventsGrpc;
import energy.market.api.v1.GetMarketStateRequest;
import energy.market.api.v1.GiftBrokerGrpc;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.RegisterRequest;
import energy.market.api.v1.RegisterResponse;
import energy.market.api.v1.SessionEvent;
import energy.market.api.v1.SessionHello;
import energy.market.api.v1.SessionRequest;
import energy.market.api.v1.TradePolicy;
import energy.market.client.MarketCredentials;
import energy.market.server.clock.Pace;
import energy.market.server.engine.MarketEngine;
import energy.market.server.engine.MarketSettings;
import energy.market.server.ledger.Ledger;
import energy.market.server.ledger.ResumeState;
import energy.market.server.price.EventCatalog;
import energy.market.server.price.PriceParameters;
import io.grpc.ManagedChannel;
import io.grpc.ServerInterceptor;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real market server on the in-process transport, with a channel to it; closed by tests. */
public final class TestMarket implements AutoCloseable {
  public static final String OPERATOR = "test-operator";

  /**
   * The secret of the homes {@link #register} registers: like the homes of one process, they share
   * it; a test about secrets registers its homes with their own.
   */
  public static final String SECRET = "test-home-secret-0123456789";

  /** The credentials of the homes registered with {@link #SECRET}. */
  public static final MarketCredentials HOME = MarketCredentials.home(SECRET);

  /** The operator's credentials. */
  public static final MarketCredentials OPERATOR_CREDENTIALS = MarketCredentials.operator(OPERATOR);

  public final MarketEngine engine;
  public final MarketServer server;
  public final ManagedChannel channel;

  public TestMarket(MarketSettings settings, Ledger ledger) throws IOException {
    this(settings, ledger, ResumeState.EMPTY);
  }

  /** A market that resumes from what a ledger held. */
  public TestMarket(MarketSettings settings, Ledger ledger, ResumeState resume) throws IOException {
    this(settings, ledger, resume, List.of());
  }

  /**
   * A market whose server runs {@code interceptors} in front of its services, so that a test can
   * watch calls or inject faults (see {@link MethodTap}).
   */
  public TestMarket(
      MarketSettings settings,
      Ledger ledger,
      ResumeState resume,
      List<? extends ServerInterceptor> interceptors)
      throws IOException {
    String name = InProcessServerBuilder.generateName();
    InProcessServerBuilder builder = InProcessServerBuilder.forName(name);
    engine = new MarketEngine(settings, ledger, Clock.systemUTC(), resume);
    server = new MarketServer(builder, engine, interceptors).start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  /** Settings for tests: fast days, the given phase deadline and number of days. */
  public static MarketSettings settings(Pace pace, long days) {
    return settings(pace, days, 4, 1024);
  }

  /** Settings with a given trade executor. */
  public static MarketSettings settings(Pace pace, long days, int maxConcurrent, int queue) {
    return new MarketSettings(
        7,
        pace,
        days,
        PriceParameters.DEFAULTS,
        EventCatalog.defaults(),
        maxConcurrent,
        queue,
        3,
        256,
        OPERATOR);
  }

  /** A market whose days wait for their participants, at most {@code deadline} per phase. */
  public static TestMarket fast(Duration deadline, long days) throws IOException {
    return new TestMarket(settings(Pace.fast(deadline), days), Ledger.IN_MEMORY);
  }

  /** Like {@link #fast(Duration, long)}, with interceptors in front of the services. */
  public static TestMarket fast(Duration deadline, long days, ServerInterceptor... interceptors)
      throws IOException {
    return new TestMarket(
        settings(Pace.fast(deadline), days),
        Ledger.IN_MEMORY,
        ResumeState.EMPTY,
        List.of(interceptors));
  }

  /** Starts the day clock (participants that joined before take part from day 1). */
  public TestMarket startClock() {
    engine.start();
    return this;
  }

  /** Registers a home with {@link #SECRET}. */
  public RegisterResponse register(String name, TradePolicy policy) {
    return register(name, policy, SECRET);
  }

  /** Registers a home with its own secret. */
  public RegisterResponse register(String name, TradePolicy policy, String secret) {
    return market()
        .register(
            RegisterRequest.newBuilder().setName(name).setPolicy(policy).setSecret(secret).build());
  }

  /**
   * Opens a Market/Connect session for these homes (registered with {@link #SECRET}) and waits for
   * its welcome.
   */
  public TestSession connect(RegisterResponse... homes) throws InterruptedException {
    SessionHello.Builder hello = SessionHello.newBuilder().setLabel("test");
    for (RegisterResponse home : homes) {
      hello.addHomeIds(home.getHomeId());
    }
    TestSession session =
        TestSession.connect(channel, HOME, SessionRequest.newBuilder().setHello(hello).build());
    session.await(SessionEvent::hasWelcome);
    return session;
  }

  /** How many homes the market has registered, as GetMarketState says. */
  public int homesRegistered() {
    return market().getMarketState(GetMarketStateRequest.getDefaultInstance()).getHomesRegistered();
  }

  /** The Market service, without credentials. */
  public MarketGrpc.MarketBlockingStub market() {
    return MarketGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  /** The Market service, as the homes registered with {@link #SECRET}. */
  public MarketGrpc.MarketBlockingStub homeMarket() {
    return market().withCallCredentials(HOME);
  }

  /** The Market service, as the operator. */
  public MarketGrpc.MarketBlockingStub operatorMarket() {
    return market().withCallCredentials(OPERATOR_CREDENTIALS);
  }

  /** The GiftBroker service, as the homes registered with {@link #SECRET}. */
  public GiftBrokerGrpc.GiftBrokerBlockingStub homeGifts() {
    return GiftBrokerGrpc.newBlockingStub(channel)
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .withCallCredentials(HOME);
  }

  /** The Events service, without credentials. */
  public EventsGrpc.EventsBlockingStub events() {
    return EventsGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  /** The Events service, as the operator. */
  public EventsGrpc.EventsBlockingStub operatorEvents() {
    return events().withCallCredentials(OPERATOR_CREDENTIALS);
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.stop();
  }
}

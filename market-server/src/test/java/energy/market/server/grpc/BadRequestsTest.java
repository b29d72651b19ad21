package energy.market.server.grpc;

import static energy.market.server.SessionMessages.finish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.ClaimRequest;
import energy.market.api.v1.DeclareDayRequest;
import energy.market.api.v1.EventKind;
import energy.market.api.v1.EventsGrpc;
import energy.market.api.v1.GetAccountRequest;
import energy.market.api.v1.GetMarketStateRequest;
import energy.market.api.v1.GiftBrokerGrpc;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.MarketState;
import energy.market.api.v1.OfferRequest;
import energy.market.api.v1.Phase;
import energy.market.api.v1.RegisterRequest;
import energy.market.api.v1.RegisterResponse;
import energy.market.api.v1.ReportEventRequest;
import energy.market.api.v1.ReportWeatherRequest;
import energy.market.api.v1.StreamEventsRequest;
import energy.market.api.v1.StreamPricesRequest;
import energy.market.api.v1.TradePolicy;
import energy.market.api.v1.TradeRequest;
import energy.market.api.v1.TradeSide;
import energy.market.client.MarketCredentials;
import energy.market.server.RawCalls;
import energy.market.server.TestMarket;
import energy.market.server.TestSession;
import energy.market.server.clock.Pace;
import energy.market.server.engine.MarketSettings;
import energy.market.server.ledger.RunParameters;
import energy.market.server.ledger.SqliteLedger;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad request of issue 12, sent to a real market holding a day in TRADE: each gets the status
 * its kind of fault calls for, a short message that never carries the input whole, and changes
 * nothing (the accounts, the ledger's rows, the day and phase).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadRequestsTest {
  private static final String OTHER_SECRET = "another-secret-0123456789";
  private static final String CAROL_SECRET = "carols-own-secret-0123456789";
  private static final String BIG_NAME = "x".repeat(10 * 1024 * 1024);
  private static final String LONG_TEXT = "y".repeat(60 * 1024);

  private Path dir;
  private TestMarket market;
  private RegisterResponse alice;
  private RegisterResponse bob;
  private RegisterResponse carol;
  private TestSession follow;
  private long day;
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Handler logCapture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeAll
  void marketInTrade() throws Exception {
    dir = Files.createTempDirectory("bad-requests");
    Logger.getLogger("").addHandler(logCapture);
    // Phases wait for the one home, up to a deadline long past the test.
    MarketSettings settings = TestMarket.settings(Pace.fast(Duration.ofMinutes(2)), 3);
    SqliteLedger ledger =
        SqliteLedger.open(
            dir.resolve(SqliteLedger.FILE_NAME),
            new RunParameters(settings.seed(), settings.price(), settings.events()),
            Clock.systemUTC());
    market = new TestMarket(settings, ledger);
    alice = market.register("alice", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
    bob = market.register("bob", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
    carol = market.register("carol", TradePolicy.TRADE_POLICY_ALWAYS_SELL, CAROL_SECRET);
    follow = TestSession.follow(market.channel, alice.getHomeId(), TestMarket.SECRET);
    follow.await(event -> event.hasWelcome());
    market.startClock();
    day = follow.awaitPhase(Phase.PHASE_GIFT);
    market
        .homeMarket()
        .declareDay(
            DeclareDayRequest.newBuilder()
                .setHomeId(alice.getHomeId())
                .setDay(day)
                .setProducedWh(20_000)
                .setConsumedWh(5_000)
                .build());
    market.homeMarket().finishPhase(finish(alice, day, Phase.PHASE_GIFT));
    follow.awaitPhase(Phase.PHASE_TRADE);
    market.homeMarket().trade(trade(alice, day, TradeSide.TRADE_SIDE_SELL, 1_000, "sell-1"));
  }

  @AfterAll
  void stop() throws IOException {
    Logger.getLogger("").removeHandler(logCapture);
    market.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
    }
  }

  /** One bad request: what it is, what it sends, and the status it must get. */
  record Row(String what, Consumer<BadRequestsTest> send, Status.Code expected) {
    @Override
    public String toString() {
      return what;
    }
  }

  static Stream<Arguments> rows() {
    List<Row> rows = new ArrayList<>();
    // Register: names, policies, secrets, and bytes that are no message.
    rows.add(row("10 MB name", t -> t.register(BIG_NAME, "0123456789abcdef0"), RESOURCE));
    rows.add(row("60 KB name", t -> t.register(LONG_TEXT, "0123456789abcdef0"), INVALID));
    rows.add(row("65-character name", t -> t.register("n".repeat(65), TestMarket.SECRET), INVALID));
    rows.add(row("empty name", t -> t.register("", TestMarket.SECRET), INVALID));
    rows.add(row("name with a newline", t -> t.register("a\nb", TestMarket.SECRET), INVALID));
    rows.add(row("name with a NUL", t -> t.register("a\0b", TestMarket.SECRET), INVALID));
    rows.add(row("name in Cyrillic", t -> t.register("дом", TestMarket.SECRET), INVALID));
    rows.add(row("no policy", t -> t.registerWith("carol", 0, TestMarket.SECRET), INVALID));
    rows.add(row("unknown policy", t -> t.registerWith("carol", 99, TestMarket.SECRET), INVALID));
    rows.add(row("short secret", t -> t.register("carol", "short"), INVALID));
    rows.add(row("60 KB secret", t -> t.register("carol", LONG_TEXT), INVALID));
    rows.add(row("taken name, other secret", t -> t.register("alice", OTHER_SECRET), EXISTS));
    rows.add(
        row(
            "taken name, other policy",
            t -> t.registerWith("alice", 2, TestMarket.SECRET),
            PRECONDITION));
    rows.add(row("garbage bytes to Register", t -> t.raw("Market/Register", garbage()), INVALID));
    rows.add(row("invalid UTF-8 name", t -> t.raw("Market/Register", invalidUtf8Name()), INVALID));
    // Trade: request ids, amounts, sides, days and credentials.
    rows.add(row("129-character request id", t -> t.sell(1, "r".repeat(129)), INVALID));
    rows.add(row("60 KB request id", t -> t.sell(1, LONG_TEXT), INVALID));
    rows.add(row("1 MB request id", t -> t.sell(1, "r".repeat(1 << 20)), RESOURCE));
    rows.add(row("request id with a space", t -> t.sell(1, "a b"), INVALID));
    rows.add(row("request id with an escape", t -> t.sell(1, "a\u001b[2Jb"), INVALID));
    rows.add(row("request id replayed, other amount", t -> t.sell(2_000, "sell-1"), PRECONDITION));
    rows.add(
        row(
            "request id replayed, other side",
            t -> t.trade(t.alice, TradeSide.TRADE_SIDE_BUY, 1_000, "sell-1", t.day),
            PRECONDITION));
    rows.add(row("zero amount", t -> t.sell(0, "z-1"), INVALID));
    rows.add(row("negative amount", t -> t.sell(-5, "z-2"), INVALID));
    rows.add(row("2 GWh trade", t -> t.sell(2_000_000_000L, "z-3"), INVALID));
    rows.add(row("sell beyond the surplus", t -> t.sell(1_000_000, "z-4"), INVALID));
    rows.add(
        row(
            "no side",
            t -> t.trade(t.alice, TradeSide.TRADE_SIDE_UNSPECIFIED, 1, "z-5", t.day),
            INVALID));
    rows.add(
        row(
            "trade for a future day",
            t -> t.trade(t.alice, TradeSide.TRADE_SIDE_SELL, 1, "z-6", t.day + 1),
            INVALID));
    rows.add(
        row(
            "trade for day 0",
            t -> t.trade(t.alice, TradeSide.TRADE_SIDE_SELL, 1, "z-7", 0),
            INVALID));
    rows.add(
        row(
            "trade for day INT64_MAX",
            t -> t.trade(t.alice, TradeSide.TRADE_SIDE_SELL, 1, "z-8", Long.MAX_VALUE),
            INVALID));
    rows.add(row("trade with a forged secret", t -> t.forgedSell(t.alice.getHomeId()), UNAUTH));
    rows.add(row("trade for an unknown home", t -> t.forgedSell(999), UNAUTH));
    rows.add(row("trade for another's home", t -> t.sellFor(t.carol.getHomeId()), DENIED));
    rows.add(row("trade for an unknown home, own secret", t -> t.sellFor(999), DENIED));
    rows.add(row("trade without credentials", t -> t.anonymousSell(), UNAUTH));
    rows.add(row("trade as the operator", t -> t.operatorSell(), DENIED));
    rows.add(row("malformed authorization", t -> t.sellWithHeader("Bearer x"), UNAUTH));
    rows.add(row("garbage bytes to Trade", t -> t.raw("Market/Trade", garbage()), INVALID));
    // DeclareDay and FinishPhase: capacity, amounts, phases and days.
    rows.add(row("1 GWh production", t -> t.declare(1_000_000_000L, 0, t.day), INVALID));
    rows.add(row("consumption over capacity", t -> t.declare(0, 1_000_001, t.day), INVALID));
    rows.add(row("negative production", t -> t.declare(-1, 0, t.day), INVALID));
    rows.add(row("declaration during TRADE", t -> t.declare(10, 10, t.day), PRECONDITION));
    rows.add(row("declaration for a future day", t -> t.declare(10, 10, t.day + 5), INVALID));
    rows.add(
        row("finish the wrong phase", t -> t.finishPhase(Phase.PHASE_GIFT, t.day), PRECONDITION));
    rows.add(row("finish a future day", t -> t.finishPhase(Phase.PHASE_TRADE, t.day + 1), INVALID));
    rows.add(row("finish no phase", t -> t.finishPhase(Phase.PHASE_UNSPECIFIED, t.day), INVALID));
    // The gift broker.
    rows.add(row("offer during TRADE", t -> t.offer(100), PRECONDITION));
    rows.add(row("negative claim", t -> t.claim(-100), INVALID));
    // Operator inputs: weather and events.
    rows.add(row("weather for a future day", t -> t.weather(t.day + 1, 10), INVALID));
    rows.add(row("weather for day 0", t -> t.weather(0, 10), INVALID));
    rows.add(row("weather NaN", t -> t.weather(t.day, Double.NaN), INVALID));
    rows.add(row("weather, wrong operator token", t -> t.weatherAs("forged", t.day), UNAUTH));
    rows.add(row("weather from a home", t -> t.weatherFromAHome(t.day), DENIED));
    rows.add(row("129-character event id", t -> t.event("e".repeat(129), "test"), INVALID));
    rows.add(row("60 KB event id", t -> t.event(LONG_TEXT, "test"), INVALID));
    rows.add(row("empty event id", t -> t.event("", "test"), INVALID));
    rows.add(row("event id with a newline", t -> t.event("a\nb", "test"), INVALID));
    rows.add(row("300-character source", t -> t.event("e-1", "s".repeat(300)), INVALID));
    rows.add(row("source with a newline", t -> t.event("e-2", "line\nforged log line"), INVALID));
    rows.add(row("60 KB source", t -> t.event("e-3", LONG_TEXT), INVALID));
    // Reads.
    rows.add(row("account of a 60 KB name", t -> t.account(0, LONG_TEXT), NOT_FOUND));
    rows.add(row("account without credentials", t -> t.anonymousAccount(), UNAUTH));
    rows.add(row("account of another's home", t -> t.homeAccount(t.carol.getHomeId()), DENIED));
    rows.add(row("account of an unknown home", t -> t.homeAccount(999), DENIED));
    rows.add(row("account of nobody", t -> t.account(0, ""), INVALID));
    rows.add(row("prices from day INT64_MAX", t -> t.prices(Long.MAX_VALUE), INVALID));
    rows.add(row("events from day INT64_MAX", t -> t.events(Long.MAX_VALUE), INVALID));
    rows.add(row("prices from day -1", t -> t.prices(-1), INVALID));
    rows.add(row("events from day -1", t -> t.events(-1), INVALID));
    rows.add(
        row(
            "garbage bytes to GetMarketState",
            t -> t.raw("Market/GetMarketState", garbage()),
            INVALID));
    rows.add(row("garbage bytes to a session", t -> t.raw("Market/Connect", garbage()), INVALID));
    rows.add(
        row("garbage bytes to ReportEvent", t -> t.raw("Events/ReportEvent", garbage()), INVALID));
    return rows.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void aBadRequestGetsAShortErrorAndChangesNothing(Row row) throws Exception {
    String before = state();
    logged.clear();
    StatusRuntimeException refused = null;
    try {
      row.send().accept(this);
    } catch (StatusRuntimeException e) {
      refused = e;
    }
    assertNotNull(refused, row.what() + " was accepted");
    Status status = refused.getStatus();
    assertEquals(row.expected(), status.getCode(), row.what() + ": " + status);
    String message = String.valueOf(status.getDescription());
    assertTrue(
        message.getBytes(StandardCharsets.UTF_8).length < 512,
        row.what() + ": message of " + message.length() + " characters");
    assertFalse(message.contains("x".repeat(64)), row.what() + " echoed its name");
    assertFalse(message.contains("y".repeat(64)), row.what() + " echoed its input");
    assertFalse(message.contains("r".repeat(64)), row.what() + " echoed its request id");
    assertFalse(message.contains("\n"), row.what() + " echoed a newline");
    assertEquals(before, state(), row.what() + " changed the market");
    assertTrue(
        logged.stream().noneMatch(record -> record.getLevel() == Level.SEVERE),
        row.what() + " logged a SEVERE line");
    assertTrue(
        logged.stream().allMatch(record -> record.getThrown() == null),
        row.what() + " logged a stack trace");
  }

  @Test
  void malformedRequestsCostAtMostOneLogLineAtATime() {
    logged.clear();
    for (int i = 0; i < 50; i++) {
      StatusRuntimeException refused = null;
      try {
        raw("Market/Trade", garbage());
      } catch (StatusRuntimeException e) {
        refused = e;
      }
      assertNotNull(refused);
      assertEquals(INVALID, refused.getStatus().getCode());
    }
    assertTrue(logged.size() <= 1, "50 malformed requests logged " + logged.size() + " lines");
  }

  /** The accounts, the ledger's rows and where the day stands, as one comparable text. */
  private String state() throws Exception {
    MarketState state = market.market().getMarketState(GetMarketStateRequest.getDefaultInstance());
    StringBuilder text =
        new StringBuilder()
            .append(state.getDay())
            .append(' ')
            .append(state.getPhase())
            .append(" homes=")
            .append(state.getHomesRegistered())
            .append(" events=")
            .append(state.getActiveEventsCount());
    for (RegisterResponse home : List.of(alice, bob, carol)) {
      text.append('\n')
          .append(
              market
                  .operatorMarket()
                  .getAccount(GetAccountRequest.newBuilder().setHomeId(home.getHomeId()).build())
                  .toString()
                  .replace('\n', ' '));
    }
    try (Connection db =
            DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteLedger.FILE_NAME));
        Statement query = db.createStatement()) {
      for (String table : List.of("homes", "accounts", "events", "trades", "days")) {
        try (ResultSet rows = query.executeQuery("SELECT count(*) FROM " + table)) {
          rows.next();
          text.append('\n').append(table).append('=').append(rows.getLong(1));
        }
      }
    }
    return text.toString();
  }

  // ---------------------------------------------------------------- the calls the rows make

  private static final Status.Code INVALID = Status.Code.INVALID_ARGUMENT;
  private static final Status.Code RESOURCE = Status.Code.RESOURCE_EXHAUSTED;
  private static final Status.Code PRECONDITION = Status.Code.FAILED_PRECONDITION;
  private static final Status.Code EXISTS = Status.Code.ALREADY_EXISTS;
  private static final Status.Code UNAUTH = Status.Code.UNAUTHENTICATED;
  private static final Status.Code NOT_FOUND = Status.Code.NOT_FOUND;
  private static final Status.Code DENIED = Status.Code.PERMISSION_DENIED;

  private static Row row(String what, Consumer<BadRequestsTest> send, Status.Code expected) {
    return new Row(what, send, expected);
  }

  /** The market as alice and bob (who share {@link TestMarket#SECRET}). */
  private MarketGrpc.MarketBlockingStub stub() {
    return market.homeMarket();
  }

  private void register(String name, String secret) {
    stub()
        .register(
            RegisterRequest.newBuilder()
                .setName(name)
                .setPolicy(TradePolicy.TRADE_POLICY_ALWAYS_SELL)
                .setSecret(secret)
                .build());
  }

  private void registerWith(String name, int policy, String secret) {
    stub()
        .register(
            RegisterRequest.newBuilder()
                .setName(name)
                .setPolicyValue(policy)
                .setSecret(secret)
                .build());
  }

  private static TradeRequest trade(
      RegisterResponse home, long day, TradeSide side, long wh, String requestId) {
    return TradeRequest.newBuilder()
        .setHomeId(home.getHomeId())
        .setDay(day)
        .setSide(side)
        .setAmountWh(wh)
        .setRequestId(requestId)
        .build();
  }

  private void trade(RegisterResponse home, TradeSide side, long wh, String requestId, long day) {
    stub().trade(trade(home, day, side, wh, requestId));
  }

  private void sell(long wh, String requestId) {
    trade(alice, TradeSide.TRADE_SIDE_SELL, wh, requestId, day);
  }

  private void forgedSell(long homeId) {
    market
        .market()
        .withCallCredentials(MarketCredentials.home(OTHER_SECRET))
        .trade(oneWhSale(homeId));
  }

  private void sellFor(long homeId) {
    stub().trade(oneWhSale(homeId));
  }

  private void anonymousSell() {
    market.market().trade(oneWhSale(alice.getHomeId()));
  }

  private void operatorSell() {
    market.operatorMarket().trade(oneWhSale(alice.getHomeId()));
  }

  private void sellWithHeader(String authorization) {
    Metadata headers = new Metadata();
    headers.put(MarketCredentials.AUTHORIZATION, authorization);
    market
        .market()
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
        .trade(oneWhSale(alice.getHomeId()));
  }

  private TradeRequest oneWhSale(long homeId) {
    return TradeRequest.newBuilder()
        .setHomeId(homeId)
        .setDay(day)
        .setSide(TradeSide.TRADE_SIDE_SELL)
        .setAmountWh(1)
        .setRequestId("forged-1")
        .build();
  }

  private void declare(long producedWh, long consumedWh, long day) {
    stub()
        .declareDay(
            DeclareDayRequest.newBuilder()
                .setHomeId(alice.getHomeId())
                .setDay(day)
                .setProducedWh(producedWh)
                .setConsumedWh(consumedWh)
                .build());
  }

  private void finishPhase(Phase phase, long day) {
    stub().finishPhase(finish(alice, day, phase));
  }

  private GiftBrokerGrpc.GiftBrokerBlockingStub broker() {
    return market.homeGifts();
  }

  private void offer(long wh) {
    broker()
        .offer(
            OfferRequest.newBuilder()
                .setHomeId(alice.getHomeId())
                .setDay(day)
                .setAmountWh(wh)
                .build());
  }

  private void claim(long wh) {
    broker()
        .claim(
            ClaimRequest.newBuilder()
                .setHomeId(bob.getHomeId())
                .setDay(day)
                .setAmountWh(wh)
                .build());
  }

  private void weather(long day, double celsius) {
    market
        .operatorMarket()
        .reportWeather(
            ReportWeatherRequest.newBuilder().setDay(day).setTemperatureCelsius(celsius).build());
  }

  private void weatherAs(String token, long day) {
    market
        .market()
        .withCallCredentials(MarketCredentials.operator(token))
        .reportWeather(
            ReportWeatherRequest.newBuilder().setDay(day).setTemperatureCelsius(10).build());
  }

  private void weatherFromAHome(long day) {
    stub()
        .reportWeather(
            ReportWeatherRequest.newBuilder().setDay(day).setTemperatureCelsius(10).build());
  }

  private void event(String id, String source) {
    market
        .operatorEvents()
        .reportEvent(
            ReportEventRequest.newBuilder()
                .setEventId(id)
                .setKind(EventKind.EVENT_KIND_STORM)
                .setSource(source)
                .build());
  }

  private void account(long homeId, String name) {
    market
        .operatorMarket()
        .getAccount(GetAccountRequest.newBuilder().setHomeId(homeId).setName(name).build());
  }

  private void homeAccount(long homeId) {
    stub().getAccount(GetAccountRequest.newBuilder().setHomeId(homeId).build());
  }

  private void anonymousAccount() {
    market.market().getAccount(GetAccountRequest.newBuilder().setHomeId(alice.getHomeId()).build());
  }

  private void prices(long fromDay) {
    stub().streamPrices(StreamPricesRequest.newBuilder().setFromDay(fromDay).build()).hasNext();
  }

  private void events(long fromDay) {
    EventsGrpc.newBlockingStub(market.channel)
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .streamEvents(StreamEventsRequest.newBuilder().setFromDay(fromDay).build())
        .hasNext();
  }

  /** Sends raw bytes as the one request of a method, as a client with a broken encoder would. */
  private void raw(String method, byte[] request) {
    Metadata headers = new Metadata();
    String credentials =
        method.startsWith("Events/")
            ? "Operator " + TestMarket.OPERATOR
            : "Home " + TestMarket.SECRET;
    headers.put(MarketCredentials.AUTHORIZATION, credentials);
    RawCalls.unary(
        ClientInterceptors.intercept(
            market.channel, MetadataUtils.newAttachHeadersInterceptor(headers)),
        method,
        request,
        Duration.ofSeconds(10));
  }

  /** Bytes that are no protobuf message: a field tag with a length far past the end. */
  private static byte[] garbage() {
    return new byte[] {0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 1, 2, 3};
  }

  /** A RegisterRequest whose name (field 1) is not UTF-8, encoded by hand: protobuf refuses to. */
  private static byte[] invalidUtf8Name() {
    byte[] rest =
        RegisterRequest.newBuilder()
            .setPolicy(TradePolicy.TRADE_POLICY_ALWAYS_SELL)
            .setSecret(TestMarket.SECRET)
            .build()
            .toByteArray();
    byte[] name = {0x0a, 3, (byte) 0xc3, (byte) 0x28, (byte) 0xff};
    byte[] request = new byte[name.length + rest.length];
    System.arraycopy(name, 0, request, 0, name.length);
    System.arraycopy(rest, 0, request, name.length, rest.length);
    return request;
  }
}

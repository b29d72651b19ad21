package energy.market.server.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.RegisterHomesRequest;
import energy.market.api.v1.RegisterHomesResponse;
import energy.market.api.v1.RegisterRefusal;
import energy.market.api.v1.RegisterRequest;
import energy.market.api.v1.RegisterResponse;
import energy.market.api.v1.RegisterResult;
import energy.market.api.v1.TradePolicy;
import energy.market.client.MarketCredentials;
import energy.market.server.TestMarket;
import energy.market.server.access.Registration;
import energy.market.server.clock.Pace;
import energy.market.server.engine.MarketSettings;
import energy.market.server.ledger.Ledger;
import energy.market.server.ledger.RunParameters;
import energy.market.server.ledger.SqliteLedger;
import energy.market.server.price.EventCatalog;
import energy.market.server.price.PriceParameters;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Market/RegisterHomes}: many homes in one call, each as {@code Register} would take it. */
class RegisterHomesTest {
  private static final String OTHER_SECRET = "another-secret-0123456789";

  @TempDir Path dir;

  private static TestMarket marketWith(Registration registration, Ledger ledger) throws Exception {
    MarketSettings settings =
        TestMarket.settings(Pace.fast(Duration.ofSeconds(5)), 1).withRegistration(registration);
    return new TestMarket(settings, ledger);
  }

  private static RegisterRequest home(String name, TradePolicy policy, String secret) {
    return RegisterRequest.newBuilder().setName(name).setPolicy(policy).setSecret(secret).build();
  }

  private static RegisterRequest home(String name) {
    return home(name, TradePolicy.TRADE_POLICY_ALWAYS_SELL, TestMarket.SECRET);
  }

  private static RegisterHomesRequest homes(RegisterRequest... homes) {
    return RegisterHomesRequest.newBuilder().addAllHomes(List.of(homes)).build();
  }

  private static RegisterHomesRequest homes(String prefix, int count) {
    return RegisterHomesRequest.newBuilder()
        .addAllHomes(IntStream.range(0, count).mapToObj(i -> home(prefix + i)).toList())
        .build();
  }

  private static RegisterResponse registered(RegisterResult result) {
    assertTrue(result.hasRegistered(), "refused: " + result.getRefused());
    return result.getRegistered();
  }

  private static void assertRefused(RegisterResult result, Status.Code code, String says) {
    assertTrue(result.hasRefused(), "registered: " + result.getRegistered());
    RegisterRefusal refused = result.getRefused();
    assertEquals(code.value(), refused.getCode(), refused.getMessage());
    assertTrue(refused.getMessage().contains(says), refused.getMessage());
  }

  @Test
  void newHomesAreRegisteredTogetherAndTheSameCallAgainGivesThemBack() throws Exception {
    try (TestMarket market = marketWith(Registration.OPEN, Ledger.IN_MEMORY)) {
      RegisterHomesResponse first = market.market().registerHomes(homes("home-", 300));
      assertEquals(300, first.getResultsCount());
      Set<Long> ids = new HashSet<>();
      for (RegisterResult result : first.getResultsList()) {
        assertFalse(registered(result).getResumed());
        ids.add(registered(result).getHomeId());
      }
      assertEquals(300, ids.size(), "every home has an id of its own");
      assertEquals(300, market.homesRegistered());

      RegisterHomesResponse again = market.market().registerHomes(homes("home-", 300));
      for (int i = 0; i < 300; i++) {
        RegisterResponse home = registered(again.getResults(i));
        assertTrue(home.getResumed(), "a retry resumes home-" + i);
        assertEquals(registered(first.getResults(i)).getHomeId(), home.getHomeId());
      }
      assertEquals(
          registered(first.getResults(7)).getHomeId(),
          market.market().register(home("home-7")).getHomeId(),
          "Register and RegisterHomes are one registry");
      assertEquals(300, market.homesRegistered());
    }
  }

  @Test
  void eachRefusedHomeIsRefusedAloneWithTheStatusRegisterWouldGive() throws Exception {
    try (TestMarket market = marketWith(Registration.OPEN, Ledger.IN_MEMORY)) {
      market.register("taken", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
      market.register("giver", TradePolicy.TRADE_POLICY_ALWAYS_GIVE);
      RegisterHomesResponse response =
          market
              .market()
              .registerHomes(
                  homes(
                      home("alice"),
                      home("no spaces"),
                      home("taken", TradePolicy.TRADE_POLICY_ALWAYS_SELL, OTHER_SECRET),
                      home("giver"),
                      RegisterRequest.newBuilder()
                          .setName("odd-policy")
                          .setPolicyValue(99)
                          .setSecret(TestMarket.SECRET)
                          .build(),
                      home("short-secret", TradePolicy.TRADE_POLICY_ALWAYS_SELL, "abc"),
                      home("alice"),
                      home("bob")));
      assertEquals(8, response.getResultsCount());
      RegisterResponse alice = registered(response.getResults(0));
      assertFalse(alice.getResumed());
      assertRefused(response.getResults(1), Status.Code.INVALID_ARGUMENT, "not allowed");
      assertRefused(response.getResults(2), Status.Code.ALREADY_EXISTS, "another secret");
      assertRefused(response.getResults(3), Status.Code.FAILED_PRECONDITION, "always-give");
      assertRefused(response.getResults(4), Status.Code.INVALID_ARGUMENT, "unknown trade policy");
      assertRefused(response.getResults(5), Status.Code.INVALID_ARGUMENT, "secret");
      RegisterResponse aliceAgain = registered(response.getResults(6));
      assertTrue(aliceAgain.getResumed(), "a name listed twice is resumed the second time");
      assertEquals(alice.getHomeId(), aliceAgain.getHomeId());
      assertFalse(registered(response.getResults(7)).getResumed());
      assertEquals(4, market.homesRegistered(), "taken, giver, alice and bob");
    }
  }

  @Test
  void aCallOfNoHomesOrOfTooManyIsRefusedWhole() throws Exception {
    try (TestMarket market = marketWith(Registration.OPEN, Ledger.IN_MEMORY)) {
      StatusRuntimeException empty =
          assertThrows(
              StatusRuntimeException.class,
              () -> market.market().registerHomes(RegisterHomesRequest.getDefaultInstance()));
      assertEquals(Status.Code.INVALID_ARGUMENT, empty.getStatus().getCode());
      assertTrue(empty.getStatus().getDescription().contains("1 to 1000 homes, not 0"));

      StatusRuntimeException tooMany =
          assertThrows(
              StatusRuntimeException.class,
              () -> market.market().registerHomes(homes("h", InboundGuard.REGISTER_HOMES_MAX + 1)));
      assertEquals(Status.Code.INVALID_ARGUMENT, tooMany.getStatus().getCode());
      assertTrue(tooMany.getStatus().getDescription().contains("not 1001"));
      assertEquals(0, market.homesRegistered());

      // The largest call allowed, with the longest names and secrets, fits its size limit.
      RegisterHomesRequest.Builder largest = RegisterHomesRequest.newBuilder();
      for (int i = 0; i < InboundGuard.REGISTER_HOMES_MAX; i++) {
        String name = String.format("%064d", i);
        largest.addHomes(home(name, TradePolicy.TRADE_POLICY_ALWAYS_SELL, "s".repeat(128)));
      }
      assertTrue(largest.build().getSerializedSize() <= InboundGuard.REGISTER_HOMES_MESSAGE_BYTES);
      assertEquals(
          InboundGuard.REGISTER_HOMES_MAX,
          market.market().registerHomes(largest.build()).getResultsCount());
      assertEquals(InboundGuard.REGISTER_HOMES_MAX, market.homesRegistered());

      StatusRuntimeException oversized =
          assertThrows(
              StatusRuntimeException.class,
              () ->
                  market
                      .market()
                      .registerHomes(
                          homes(
                              home(
                                  "big",
                                  TradePolicy.TRADE_POLICY_ALWAYS_SELL,
                                  "s".repeat(InboundGuard.REGISTER_HOMES_MESSAGE_BYTES)))));
      assertEquals(Status.Code.RESOURCE_EXHAUSTED, oversized.getStatus().getCode());
      assertTrue(oversized.getStatus().getDescription().contains("limit"));
    }
  }

  @Test
  void eachHomeTakesOneOfItsAddresssPermitsAndTheRestAreToldToWait() throws Exception {
    // One permit every 1,000 s: the burst is all the test gets, however slow the machine.
    try (TestMarket market = marketWith(new Registration(null, 0.001, 3), Ledger.IN_MEMORY)) {
      assertThrows(
          StatusRuntimeException.class,
          () -> market.market().registerHomes(RegisterHomesRequest.getDefaultInstance()));
      RegisterHomesResponse response = market.market().registerHomes(homes("home-", 5));
      for (int i = 0; i < 2; i++) {
        registered(response.getResults(i));
      }
      for (int i = 2; i < 5; i++) {
        assertRefused(
            response.getResults(i), Status.Code.RESOURCE_EXHAUSTED, "too many registrations");
      }
      assertEquals(2, market.homesRegistered(), "the call refused whole took a permit too");
      StatusRuntimeException single =
          assertThrows(
              StatusRuntimeException.class, () -> market.market().register(home("home-9")));
      assertEquals(
          Status.Code.RESOURCE_EXHAUSTED,
          single.getStatus().getCode(),
          "Register and RegisterHomes draw on the same permits");
    }
  }

  @Test
  void returningHomesTakeNoPermitWhileNewNamesAndGuessedSecretsDo() throws Exception {
    // One permit every 1,000 s: the burst is all the test gets, however slow the machine.
    try (TestMarket market = marketWith(new Registration(null, 0.001, 3), Ledger.IN_MEMORY)) {
      RegisterHomesResponse first = market.market().registerHomes(homes("home-", 3));
      // The burst is spent; the same homes come back, again and again, one by one and together.
      for (int round = 0; round < 3; round++) {
        RegisterHomesResponse again = market.market().registerHomes(homes("home-", 3));
        for (int i = 0; i < 3; i++) {
          RegisterResponse back = registered(again.getResults(i));
          assertEquals(registered(first.getResults(i)).getHomeId(), back.getHomeId());
          assertTrue(back.getResumed(), "home-" + i + " came back as itself");
        }
        assertEquals(
            registered(first.getResults(1)).getHomeId(),
            market.market().register(home("home-1")).getHomeId());
      }
      RegisterHomesResponse mixed =
          market
              .market()
              .registerHomes(
                  homes(
                      home("home-0"),
                      home("newcomer"),
                      home("home-2", TradePolicy.TRADE_POLICY_ALWAYS_SELL, OTHER_SECRET)));
      registered(mixed.getResults(0));
      assertRefused(mixed.getResults(1), Status.Code.RESOURCE_EXHAUSTED, "too many registrations");
      assertRefused(
          mixed.getResults(2),
          Status.Code.RESOURCE_EXHAUSTED,
          "too many registrations"); // a guess at a secret is charged like a new name
      StatusRuntimeException single =
          assertThrows(
              StatusRuntimeException.class, () -> market.market().register(home("newcomer")));
      assertEquals(Status.Code.RESOURCE_EXHAUSTED, single.getStatus().getCode());
      assertEquals(3, market.homesRegistered());
    }
  }

  @Test
  void aClosedMarketRefusesTheWholeCallOfAStranger() throws Exception {
    String token = "registration-token-0123";
    try (TestMarket market = marketWith(Registration.byToken(token), Ledger.IN_MEMORY)) {
      StatusRuntimeException stranger =
          assertThrows(
              StatusRuntimeException.class, () -> market.market().registerHomes(homes("h", 2)));
      assertEquals(Status.Code.PERMISSION_DENIED, stranger.getStatus().getCode());
      assertEquals(0, market.homesRegistered());
      RegisterHomesResponse admitted =
          market
              .market()
              .withCallCredentials(MarketCredentials.registration(token))
              .registerHomes(homes("h", 2));
      registered(admitted.getResults(1));
      assertEquals(2, market.homesRegistered());
    }
  }

  @Test
  void theHomesOfAnAnswerAreInTheLedgerFileWhenTheAnswerArrives() throws Exception {
    Path file = dir.resolve(SqliteLedger.FILE_NAME);
    RunParameters run = new RunParameters(1, PriceParameters.DEFAULTS, EventCatalog.defaults());
    try (SqliteLedger ledger = SqliteLedger.open(file, run, Clock.systemUTC());
        TestMarket market = marketWith(Registration.OPEN, ledger)) {
      RegisterHomesResponse response = market.market().registerHomes(homes("home-", 250));
      // Read as another program would, through a connection of its own, before anything else.
      try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + file);
          ResultSet rows =
              reader
                  .createStatement()
                  .executeQuery(
                      "SELECT h.home_id, h.name FROM homes h JOIN accounts a USING (home_id)"
                          + " ORDER BY h.home_id")) {
        for (int i = 0; i < 250; i++) {
          assertTrue(rows.next(), "home-" + i + " is in the ledger");
          assertEquals(registered(response.getResults(i)).getHomeId(), rows.getLong(1));
          assertEquals("home-" + i, rows.getString(2));
        }
        assertFalse(rows.next());
      }
    }
  }
}

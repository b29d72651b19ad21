package energy.market.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.Account;
import energy.market.api.v1.DeclareDayRequest;
import energy.market.api.v1.FinishPhaseRequest;
import energy.market.api.v1.FollowSessionRequest;
import energy.market.api.v1.GetMarketStateRequest;
import energy.market.api.v1.HomeCredentials;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.MarketState;
import energy.market.api.v1.Phase;
import energy.market.api.v1.RegisterRequest;
import energy.market.api.v1.RegisterResponse;
import energy.market.api.v1.SessionEvent;
import energy.market.api.v1.TradePolicy;
import energy.market.testing.ChildProcess;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * J5 with real home processes: the market is killed with kill -9 while a TRADE phase is open,
 * started again on the same data directory and port, and the homes carry on by themselves; what
 * each home counted from its receipts equals what the ledger kept.
 */
class MarketRestartIT {
  private static final String[] HOMES = {"always-sell", "always-give", "sell-if-no-takers"};

  @TempDir Path dir;

  @Test
  void homesCarryOnAfterTheMarketIsKilledMidTradeAndRestartedOnItsData() throws Exception {
    Path data = dir.resolve("data");
    List<ChildProcess> homes = new ArrayList<>();
    RunningMarket first =
        new RunningMarket(data, "--day-length", "1s", "--phase-deadline", "5s", "--seed", "4");
    int port = first.port;
    try {
      for (String policy : HOMES) {
        homes.add(first.home(policy, "--name", policy, "--policy", policy, "--print", "homes"));
      }
      // A home that follows the day but never finishes TRADE keeps each TRADE phase open for
      // its share of the day, so the kill lands in the middle of one.
      holdTradeOpen(first);
      long joined = 0;
      for (int i = 0; i < HOMES.length; i++) {
        long firstDay =
            Long.parseLong(homes.get(i).awaitLine("^day (\\d+) ", Duration.ofSeconds(60)));
        joined = Math.max(joined, firstDay);
      }
      MarketState trading = awaitTrade(first, joined + 1);
      new ProcessBuilder("kill", "-9", Long.toString(first.process.pid())).start().waitFor();
      assertTrue(first.process.process().waitFor(10, TimeUnit.SECONDS));
      assertEquals(Phase.PHASE_TRADE, trading.getPhase());
      long killedDay = trading.getDay();
      first.close();

      try (RunningMarket second =
          new RunningMarket(
              data,
              "--port",
              Integer.toString(port),
              "--day-length",
              "1s",
              "--phase-deadline",
              "5s",
              "--await-homes",
              "3")) {
        String resumed = second.process.transcript();
        assertTrue(
            resumed.contains("resuming after day " + (killedDay - 1)),
            "killed in TRADE of day " + killedDay + "; resumes after the day before:\n" + resumed);
        // The homes reconnect by themselves and take part again, from the re-run day on.
        for (ChildProcess home : homes) {
          home.awaitLine("^day " + (killedDay + 1) + " ", Duration.ofSeconds(40));
          home.awaitLine("^day " + (killedDay + 2) + " ", Duration.ofSeconds(40));
        }
        for (String name : HOMES) {
          Account account = second.account(name);
          assertEquals(
              account.getProducedWh()
                  + account.getReceivedWh()
                  + account.getBoughtWh()
                  + account.getShortfallWh(),
              account.getConsumedWh()
                  + account.getGivenWh()
                  + account.getSoldWh()
                  + account.getWastedWh(),
              "books balance for " + name);
        }
        ChildProcess seller = homes.get(0);
        Matcher line =
            Pattern.compile("(?m)^day " + (killedDay + 2) + " always-sell: .*$")
                .matcher(seller.transcript());
        assertTrue(line.find(), seller.transcript());
        String lastLine = line.group();
        long printedBalance = balanceMicro(lastLine);
        Account sellerAccount = second.account("always-sell");
        long ledgerBalanceAfterThatDay =
            balanceUpTo(data.resolve("ledger.db"), "always-sell", killedDay + 2);
        assertEquals(
            ledgerBalanceAfterThatDay,
            printedBalance,
            "the home counted every receipt once, as the ledger did (account now: "
                + sellerAccount
                + ")");
      }
      assertNoDuplicateTrades(data.resolve("ledger.db"));
    } finally {
      homes.forEach(ChildProcess::close);
      first.close();
    }
  }

  private static void holdTradeOpen(RunningMarket market) {
    RegisterResponse slow =
        MarketGrpc.newBlockingStub(market.channel)
            .withDeadlineAfter(10, TimeUnit.SECONDS)
            .register(
                RegisterRequest.newBuilder()
                    .setName("slow-agent")
                    .setPolicy(TradePolicy.TRADE_POLICY_ALWAYS_SELL)
                    .build());
    HomeCredentials credentials =
        HomeCredentials.newBuilder()
            .setHomeId(slow.getHomeId())
            .setSessionToken(slow.getSessionToken())
            .build();
    MarketGrpc.MarketStub stub = MarketGrpc.newStub(market.channel);
    stub.followSession(
        FollowSessionRequest.newBuilder().setHome(credentials).build(),
        new StreamObserver<SessionEvent>() {
          @Override
          public void onNext(SessionEvent event) {
            // Takes part in GIFT (so it is never dropped for missing days), never in TRADE.
            if (event.hasPhaseStarted() && event.getPhaseStarted().getPhase() == Phase.PHASE_GIFT) {
              long day = event.getPhaseStarted().getDay();
              stub.declareDay(
                  DeclareDayRequest.newBuilder().setHome(credentials).setDay(day).build(),
                  ignore());
              stub.finishPhase(
                  FinishPhaseRequest.newBuilder()
                      .setHome(credentials)
                      .setDay(day)
                      .setPhase(Phase.PHASE_GIFT)
                      .build(),
                  ignore());
            }
          }

          @Override
          public void onError(Throwable t) {}

          @Override
          public void onCompleted() {}
        });
  }

  private static <T> StreamObserver<T> ignore() {
    return new StreamObserver<>() {
      @Override
      public void onNext(T value) {}

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {}
    };
  }

  /** Waits for a TRADE phase of day >= fromDay to begin (seen from the phase before it). */
  private static MarketState awaitTrade(RunningMarket market, long fromDay) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    boolean sawEarlierPhase = false;
    while (System.nanoTime() < end) {
      MarketState state =
          MarketGrpc.newBlockingStub(market.channel)
              .withDeadlineAfter(5, TimeUnit.SECONDS)
              .getMarketState(GetMarketStateRequest.getDefaultInstance());
      boolean trading = state.getDay() >= fromDay && state.getPhase() == Phase.PHASE_TRADE;
      if (trading && sawEarlierPhase) {
        // The homes' orders are executed and acknowledged within milliseconds; the held-open
        // phase lasts a few hundred.
        Thread.sleep(100);
        return state;
      }
      sawEarlierPhase = !trading && state.getDay() >= fromDay;
      Thread.sleep(10);
    }
    throw new AssertionError("no TRADE phase of day >= " + fromDay + " seen");
  }

  private static long balanceMicro(String dayLine) {
    Matcher matcher = Pattern.compile("balance ([+-]\\d+\\.\\d{6}) EUR").matcher(dayLine);
    assertTrue(matcher.find(), dayLine);
    return Math.round(Double.parseDouble(matcher.group(1)) * 1e6);
  }

  private static long balanceUpTo(Path ledger, String name, long day) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + ledger);
        Statement query = db.createStatement();
        ResultSet row =
            query.executeQuery(
                "SELECT COALESCE(SUM(hd.earned_micro_eur - hd.paid_micro_eur), 0)"
                    + " FROM home_days hd JOIN homes h ON h.home_id = hd.home_id"
                    + " WHERE h.name = '"
                    + name
                    + "' AND hd.day <= "
                    + day)) {
      return row.getLong(1);
    }
  }

  private static void assertNoDuplicateTrades(Path ledger) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + ledger);
        Statement query = db.createStatement();
        ResultSet row =
            query.executeQuery(
                "SELECT COUNT(*) FROM (SELECT day, home_id, request_id FROM trades"
                    + " GROUP BY day, home_id, request_id HAVING COUNT(*) > 1)")) {
      assertEquals(0, row.getLong(1), "no trade is in the ledger twice");
    }
  }
}

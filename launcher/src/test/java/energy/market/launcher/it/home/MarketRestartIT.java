package energy.market.launcher.it.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.Account;
import energy.market.api.v1.DeclareDayRequest;
import energy.market.api.v1.FinishPhaseRequest;
import energy.market.api.v1.FollowSessionRequest;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.MarketState;
import energy.market.api.v1.Phase;
import energy.market.api.v1.RegisterRequest;
import energy.market.api.v1.RegisterResponse;
import energy.market.api.v1.SessionEvent;
import energy.market.api.v1.TradePolicy;
import energy.market.client.MarketCredentials;
import energy.market.launcher.it.RunningMarket;
import energy.market.testing.Await;
import energy.market.testing.Books;
import energy.market.testing.ChildProcess;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  /** Long enough days that a kill sent when TRADE begins lands before it ends (2 s of TRADE). */
  private static final String DAY_LENGTH = "5s";

  @TempDir Path dir;

  @Test
  void homesCarryOnAfterTheMarketIsKilledMidTradeAndRestartedOnItsData() throws Exception {
    Path data = dir.resolve("data");
    List<ChildProcess> homes = new ArrayList<>();
    RunningMarket first =
        new RunningMarket(
            data, "--day-length", DAY_LENGTH, "--phase-deadline", "5s", "--seed", "4");
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
        long firstDay = Long.parseLong(homes.get(i).awaitLine("^day (\\d+) ", Await.LONG));
        joined = Math.max(joined, firstDay);
      }
      MarketState trading = awaitTrade(first, joined + 1);
      first.process.kill();
      assertEquals(Phase.PHASE_TRADE, trading.getPhase());
      long killedDay = trading.getDay();
      first.close();

      try (RunningMarket second =
          new RunningMarket(
              data,
              "--port",
              Integer.toString(port),
              "--day-length",
              DAY_LENGTH,
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
          home.awaitLine("^day " + (killedDay + 1) + " ", Await.LONG);
          home.awaitLine("^day " + (killedDay + 2) + " ", Await.LONG);
        }
        for (String name : HOMES) {
          Books.assertEnergyBalances(second.account(name));
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
    String secret = "slow-agent-secret-0123456789";
    RegisterResponse slow =
        MarketGrpc.newBlockingStub(market.channel)
            .withDeadlineAfter(10, TimeUnit.SECONDS)
            .register(
                RegisterRequest.newBuilder()
                    .setName("slow-agent")
                    .setPolicy(TradePolicy.TRADE_POLICY_ALWAYS_SELL)
                    .setSecret(secret)
                    .build());
    long home = slow.getHomeId();
    MarketGrpc.MarketStub stub =
        MarketGrpc.newStub(market.channel).withCallCredentials(MarketCredentials.home(secret));
    stub.followSession(
        FollowSessionRequest.newBuilder().setHomeId(home).build(),
        new StreamObserver<SessionEvent>() {
          @Override
          public void onNext(SessionEvent event) {
            // Takes part in GIFT (so it is never dropped for missing days), never in TRADE.
            if (event.hasPhaseStarted() && event.getPhaseStarted().getPhase() == Phase.PHASE_GIFT) {
              long day = event.getPhaseStarted().getDay();
              stub.declareDay(
                  DeclareDayRequest.newBuilder().setHomeId(home).setDay(day).build(), ignore());
              stub.finishPhase(
                  FinishPhaseRequest.newBuilder()
                      .setHomeId(home)
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

  /**
   * Waits for a TRADE phase of day >= fromDay to begin, seen from the phase before it so that the
   * kill comes early in the phase. It may land before, while or after the homes' orders run: in
   * each case no acknowledged trade may be lost or doubled.
   */
  private static MarketState awaitTrade(RunningMarket market, long fromDay) throws Exception {
    boolean[] sawEarlierPhase = {false};
    return Await.value(
        "the start of a TRADE phase of day >= " + fromDay,
        () -> {
          MarketState state = market.state();
          boolean trading = state.getDay() >= fromDay && state.getPhase() == Phase.PHASE_TRADE;
          if (trading && sawEarlierPhase[0]) {
            return Optional.of(state);
          }
          sawEarlierPhase[0] = !trading && state.getDay() >= fromDay;
          return Optional.empty();
        },
        Await.LONG);
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

package energy.market.launcher.it.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.Account;
import energy.market.api.v1.MarketState;
import energy.market.api.v1.Phase;
import energy.market.launcher.it.RunningMarket;
import energy.market.testing.Await;
import energy.market.testing.Books;
import energy.market.testing.ChildProcess;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * J5, many times over: the market is killed with {@code kill -9} at 20 random (seeded) moments of a
 * run whose days go as fast as the homes allow, and started again each time on the same data
 * directory and port. Three home processes carry on by themselves. Afterwards every day line a home
 * printed agrees with the ledger (what it sold and bought that day, its balance up to that day),
 * its last line's balance is its account, and no trade is lost or doubled.
 */
class MarketKillsIT {
  private static final int KILLS = 20;
  private static final long SEED = 20_261_201L;
  private static final String[] POLICIES = {"always-sell", "always-give", "sell-if-no-takers"};
  private static final int HOMES_PER_PROCESS = 3;
  private static final int HOMES = POLICIES.length * HOMES_PER_PROCESS;

  /** More days than the kills can use up (each kill comes within three days of a restart). */
  private static final int DAYS = 40 + 4 * KILLS;

  private static final Phase[] PHASES = {
    Phase.PHASE_OPEN, Phase.PHASE_GIFT, Phase.PHASE_TRADE, Phase.PHASE_CLOSE
  };

  /** A home's day line: day, name, sold and bought (kWh) and balance (EUR). */
  private static final Pattern DAY_LINE =
      Pattern.compile(
          "(?m)^day (\\d+) (\\S+): .*, sold (\\d+\\.\\d{3}) bought (\\d+\\.\\d{3}),"
              + " balance ([+-]\\d+\\.\\d{6}) EUR$");

  @TempDir Path dir;

  @Test
  void everyHomesBooksAgreeWithTheLedgerAfterTwentyKillsOfTheMarket() throws Exception {
    Path data = dir.resolve("data");
    int port = RunningMarket.freePort();
    Random random = new Random(SEED);
    List<ChildProcess> homes = new ArrayList<>();
    RunningMarket market = start(data, port);
    try {
      for (String policy : POLICIES) {
        List<String> args = new ArrayList<>();
        for (int i = 1; i <= HOMES_PER_PROCESS; i++) {
          args.addAll(List.of("--name", policy + "-" + i));
        }
        args.addAll(List.of("--policy", policy, "--print", "homes"));
        homes.add(market.home(policy, args.toArray(String[]::new)));
      }
      for (int kill = 1; kill <= KILLS; kill++) {
        MarketState killedIn = awaitRandomMoment(market, random);
        market.process.kill();
        market.close();
        System.out.printf(
            "MarketKillsIT: kill %d in day %d %s%n", kill, killedIn.getDay(), killedIn.getPhase());
        market = start(data, port);
      }
      for (ChildProcess home : homes) {
        for (int i = 1; i <= HOMES_PER_PROCESS; i++) {
          home.awaitLine("^day " + DAYS + " \\S+-" + i + ": ", Await.LONG);
        }
      }
      Map<String, Account> accounts = new TreeMap<>();
      for (String policy : POLICIES) {
        for (int i = 1; i <= HOMES_PER_PROCESS; i++) {
          Account account = market.account(policy + "-" + i);
          Books.assertEnergyBalances(account);
          accounts.put(account.getName(), account);
        }
      }
      for (ChildProcess home : homes) {
        assertEquals(143, home.terminate(Await.SHORT), home.transcript());
      }
      assertEquals(143, market.process.terminate(Await.SHORT), market.process.transcript());

      Path ledger = data.resolve("ledger.db");
      int lines = 0;
      for (ChildProcess home : homes) {
        lines += assertDayLinesAgreeWithTheLedger(home, ledger, accounts);
      }
      long reconciled =
          homes.stream()
              .flatMap(home -> home.transcript().lines())
              .filter(line -> line.contains("books reconciled with the market"))
              .count();
      System.out.printf(
          "MarketKillsIT: %d day lines agree with the ledger; %d times a process had missed"
              + " results%n",
          lines, reconciled);
      assertTradesCountOnce(ledger);
    } finally {
      homes.forEach(ChildProcess::close);
      market.close();
    }
  }

  /** The market on its data directory and port, its days waiting for every home. */
  private static RunningMarket start(Path data, int port) throws Exception {
    return RunningMarket.waitingForParticipants(
        data, DAYS, "--port", Integer.toString(port), "--await-homes", Integer.toString(HOMES));
  }

  /**
   * Waits for a moment drawn at random: a phase of one of the next three days, counted from the day
   * the homes are in now (the first polled once they are all back).
   */
  private static MarketState awaitRandomMoment(RunningMarket market, Random random)
      throws InterruptedException {
    int days = random.nextInt(3);
    int phase = random.nextInt(PHASES.length);
    long[] target = {-1};
    return Await.value(
        "day +" + days + " " + PHASES[phase] + " with every home connected",
        () -> {
          MarketState state = market.state();
          assertFalse(
              state.hasLastTick() && state.getLastTick().getDay() >= DAYS,
              "the market ran all its days before the kills were done");
          if (state.getHomesConnected() < HOMES || state.getDay() == 0) {
            return Optional.empty();
          }
          if (target[0] < 0) {
            target[0] = state.getDay() + days;
          }
          boolean reached =
              state.getDay() > target[0]
                  || (state.getDay() == target[0]
                      && state.getPhase().getNumber() >= PHASES[phase].getNumber());
          return reached ? Optional.of(state) : Optional.empty();
        },
        Await.LONG);
  }

  /**
   * Each day line of a home process against the ledger: what the home sold and bought that day, and
   * its balance up to that day; its last line's balance is its account. Returns the lines.
   */
  private static int assertDayLinesAgreeWithTheLedger(
      ChildProcess home, Path ledger, Map<String, Account> accounts) throws Exception {
    Matcher line = DAY_LINE.matcher(home.transcript());
    Map<String, Long> lastDay = new TreeMap<>();
    Map<String, Long> lastBalance = new TreeMap<>();
    int count = 0;
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + ledger);
        PreparedStatement query =
            db.prepareStatement(
                "SELECT hd.sold_wh, hd.bought_wh,"
                    + " (SELECT sum(earned_micro_eur - paid_micro_eur) FROM home_days up"
                    + "   WHERE up.home_id = h.home_id AND up.day <= hd.day)"
                    + " FROM home_days hd JOIN homes h ON h.home_id = hd.home_id"
                    + " WHERE h.name = ? AND hd.day = ?")) {
      while (line.find()) {
        long day = Long.parseLong(line.group(1));
        String name = line.group(2);
        query.setString(1, name);
        query.setLong(2, day);
        try (ResultSet row = query.executeQuery()) {
          assertTrue(row.next(), "the ledger has day " + day + " of " + name);
          String printed = line.group();
          assertEquals(row.getLong(1), thousandths(line.group(3)), "sold: " + printed);
          assertEquals(row.getLong(2), thousandths(line.group(4)), "bought: " + printed);
          long balance = millionths(line.group(5));
          assertEquals(row.getLong(3), balance, "balance up to that day: " + printed);
          lastDay.merge(name, day, Math::max);
          if (lastDay.get(name) == day) {
            lastBalance.put(name, balance);
          }
        }
        count++;
      }
    }
    assertEquals(HOMES_PER_PROCESS, lastBalance.size(), home.transcript());
    for (Map.Entry<String, Long> last : lastBalance.entrySet()) {
      Account account = accounts.get(last.getKey());
      assertNotNull(account, last.getKey());
      assertEquals(DAYS, lastDay.get(last.getKey()), last.getKey() + " took part in the last day");
      assertEquals(account.getBalanceMicroEur(), last.getValue(), "account of " + last.getKey());
    }
    return count;
  }

  /**
   * No trade lost or doubled: each is its home's one order of a side for its day (the homes'
   * request ids are NAME/DAY/SIDE), and the trades of each home and day are exactly its settled
   * day.
   */
  private static void assertTradesCountOnce(Path ledger) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + ledger)) {
      assertEquals(
          0,
          count(
              db,
              "SELECT count(*) FROM trades t JOIN homes h ON h.home_id = t.home_id"
                  + " WHERE t.request_id IS NOT h.name || '/' || t.day || '/' || t.side"),
          "every trade is its home's order for its day");
      assertEquals(
          0,
          count(
              db,
              "SELECT count(*) FROM (SELECT home_id, day, side FROM trades"
                  + " GROUP BY 1, 2, 3 HAVING count(*) > 1)"),
          "one trade per home, day and side");
      assertEquals(
          0,
          count(
              db,
              "SELECT count(*) FROM home_days h WHERE"
                  + " h.sold_wh != (SELECT coalesce(sum(amount_wh), 0) FROM trades t"
                  + "   WHERE t.day = h.day AND t.home_id = h.home_id AND side = 'sell')"
                  + " OR h.bought_wh != (SELECT coalesce(sum(amount_wh), 0) FROM trades t"
                  + "   WHERE t.day = h.day AND t.home_id = h.home_id AND side = 'buy')"
                  + " OR h.earned_micro_eur != (SELECT coalesce(sum(money_micro_eur), 0)"
                  + "   FROM trades t WHERE t.day = h.day AND t.home_id = h.home_id"
                  + "   AND side = 'sell')"
                  + " OR h.paid_micro_eur != (SELECT coalesce(sum(money_micro_eur), 0)"
                  + "   FROM trades t WHERE t.day = h.day AND t.home_id = h.home_id"
                  + "   AND side = 'buy')"),
          "each home's day is its trades");
      assertEquals(
          0,
          count(
              db,
              "SELECT count(*) FROM accounts a WHERE"
                  + " a.balance_micro_eur != a.earned_micro_eur - a.paid_micro_eur"
                  + " OR a.earned_micro_eur != (SELECT coalesce(sum(earned_micro_eur), 0)"
                  + "   FROM home_days h WHERE h.home_id = a.home_id)"
                  + " OR a.paid_micro_eur != (SELECT coalesce(sum(paid_micro_eur), 0)"
                  + "   FROM home_days h WHERE h.home_id = a.home_id)"),
          "each account is its home's days");
      assertEquals(DAYS, count(db, "SELECT count(*) FROM days"), "each day closed once");
      assertEquals(KILLS + 1, count(db, "SELECT count(*) FROM starts"), "one start per run");
    }
  }

  private static long count(Connection db, String sql) throws Exception {
    try (Statement statement = db.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      assertTrue(row.next(), sql);
      return row.getLong(1);
    }
  }

  /** "12.345" as 12345: kWh printed with three decimals are exact Wh. */
  private static long thousandths(String decimal) {
    return new BigDecimal(decimal).movePointRight(3).longValueExact();
  }

  /** "+1.430395" as 1430395: EUR printed with six decimals are exact micro-euros. */
  private static long millionths(String decimal) {
    return new BigDecimal(decimal).movePointRight(6).longValueExact();
  }
}

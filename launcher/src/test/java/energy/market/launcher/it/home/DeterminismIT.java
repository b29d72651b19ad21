package energy.market.launcher.it.home;

import static org.junit.jupiter.api.Assertions.assertEquals;

import energy.market.api.v1.Account;
import energy.market.api.v1.PriceTick;
import energy.market.launcher.it.RunningMarket;
import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same seed gives the same market whatever the number of home processes. The phases wait for
 * every home (a long phase deadline), so a busy machine makes the run slower, never different.
 */
class DeterminismIT {
  private static final int HOMES = 200;
  private static final int DAYS = 10;

  @TempDir Path dataDir;

  /** The result of one run: each day's price and every home's account, without ids. */
  private record Outcome(List<Long> prices, List<Account> accounts) {}

  private Outcome run(int processes, String tag) throws Exception {
    List<ChildProcess> homes = new ArrayList<>();
    try (RunningMarket market =
        RunningMarket.waitingForParticipants(
            dataDir.resolve(tag), DAYS, "--await-homes", Integer.toString(HOMES), "--seed", "7")) {
      int perProcess = HOMES / processes;
      for (int p = 0; p < processes; p++) {
        homes.add(
            market.home(
                "homes-" + p,
                "--count",
                Integer.toString(perProcess),
                "--first-index",
                Integer.toString(1 + p * perProcess),
                "--policy",
                "always-sell=1,always-give=1,sell-if-no-takers=1",
                "--seed",
                "7",
                "--days",
                Integer.toString(DAYS),
                "--print",
                "none"));
      }
      List<Long> prices = new ArrayList<>();
      for (PriceTick tick : market.ticks(DAYS, Duration.ofMinutes(10))) {
        assertEquals(HOMES, tick.getHomes(), "day " + tick.getDay());
        prices.add(tick.getPriceMicroEurPerKwh());
      }
      List<Account> accounts = new ArrayList<>();
      for (int i = 1; i <= HOMES; i++) {
        accounts.add(
            market.account("home-" + i).toBuilder().clearHomeId().clearConnected().build());
      }
      for (ChildProcess home : homes) {
        assertEquals(0, home.awaitExit(Await.LONG), home.transcript());
      }
      return new Outcome(prices, accounts);
    } finally {
      homes.forEach(ChildProcess::close);
    }
  }

  @Test
  void twoHundredHomesInOneProcessOrInFourGiveIdenticalPricesAndAccounts() throws Exception {
    Outcome one = run(1, "one");
    Outcome four = run(4, "four");
    assertEquals(one.prices(), four.prices());
    for (int i = 0; i < HOMES; i++) {
      assertEquals(one.accounts().get(i), four.accounts().get(i), "home-" + (i + 1));
    }
  }
}

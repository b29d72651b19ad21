package energy.market.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.Account;
import energy.market.api.v1.PriceTick;
import energy.market.testing.ChildProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Homes as real processes trading with a real market process over sockets. */
class HomeProcessesIT {
  private static final String[] POLICIES = {"always-sell", "always-give", "sell-if-no-takers"};

  @TempDir Path dataDir;

  @Test
  void threeHomeProcessesOnePerPolicyRunTenDaysWithBalancedBooks() throws Exception {
    List<ChildProcess> homes = new ArrayList<>();
    try (RunningMarket market =
        new RunningMarket(
            dataDir, "--day-length", "0", "--days", "10", "--await-homes", "9", "--seed", "3")) {
      for (String policy : POLICIES) {
        homes.add(
            market.home(
                policy,
                "--count",
                "3",
                "--name-prefix",
                policy,
                "--policy",
                policy,
                "--days",
                "10",
                "--seed",
                "3"));
      }
      List<PriceTick> ticks = market.ticks(10, Duration.ofSeconds(60));
      long tickGiven = 0;
      long tickSold = 0;
      long tickBought = 0;
      for (PriceTick tick : ticks) {
        assertEquals(9, tick.getHomes(), "every home took part in day " + tick.getDay());
        tickGiven += tick.getGivenWh();
        tickSold += tick.getSoldWh();
        tickBought += tick.getBoughtWh();
      }
      long given = 0;
      long received = 0;
      long sold = 0;
      long bought = 0;
      for (String policy : POLICIES) {
        for (int i = 1; i <= 3; i++) {
          Account account = market.account(policy + "-" + i);
          assertEquals(10, account.getDays(), account.getName());
          assertEquals(
              account.getProducedWh()
                  + account.getReceivedWh()
                  + account.getBoughtWh()
                  + account.getShortfallWh(),
              account.getConsumedWh()
                  + account.getGivenWh()
                  + account.getSoldWh()
                  + account.getWastedWh(),
              "energy balances for " + account.getName());
          assertEquals(0, account.getShortfallWh(), "every deficit was covered");
          if (policy.equals("always-give")) {
            assertEquals(0, account.getSoldWh(), "always-give never sells");
          } else {
            assertEquals(0, account.getWastedWh(), policy + " wastes nothing");
          }
          if (policy.equals("always-sell")) {
            assertEquals(0, account.getGivenWh(), "always-sell never gives");
          }
          assertEquals(
              account.getEarnedMicroEur() - account.getPaidMicroEur(),
              account.getBalanceMicroEur());
          given += account.getGivenWh();
          received += account.getReceivedWh();
          sold += account.getSoldWh();
          bought += account.getBoughtWh();
        }
      }
      assertEquals(given, received, "gifts given = gifts received");
      assertEquals(tickGiven, given);
      assertEquals(tickSold, sold);
      assertEquals(tickBought, bought);
      for (ChildProcess home : homes) {
        assertTrue(home.process().waitFor(30, TimeUnit.SECONDS), home.transcript());
        assertEquals(0, home.process().exitValue(), home.transcript());
        assertTrue(
            home.transcript()
                .matches(
                    "(?s).*day 10 \\S+-1: .* C, net .* kWh, gave .* got .*, sold"
                        + " .* bought .*, balance .* EUR.*"),
            home.transcript());
      }
    } finally {
      homes.forEach(ChildProcess::close);
    }
  }

  @Test
  void aHomeKilledMidDayIsSettledAsNoTradeAndTheDaysCloseOnTime() throws Exception {
    List<ChildProcess> homes = new ArrayList<>();
    try (RunningMarket market =
        new RunningMarket(dataDir, "--day-length", "1s", "--await-homes", "3", "--seed", "5")) {
      for (String policy : POLICIES) {
        homes.add(market.home(policy, "--name", policy, "--policy", policy));
      }
      List<PriceTick> firstTwo = market.ticks(2, Duration.ofSeconds(30));
      assertEquals(3, firstTwo.get(1).getHomes());
      // Day 3 opened when day 2 closed; a third of a day in, GIFT or TRADE is under way.
      Thread.sleep(350);
      ChildProcess victim = homes.get(1);
      new ProcessBuilder("kill", "-9", Long.toString(victim.pid())).start().waitFor();
      assertTrue(victim.process().waitFor(10, TimeUnit.SECONDS));

      List<PriceTick> ticks = market.ticks(5, Duration.ofSeconds(30));
      for (int day = 3; day <= 5; day++) {
        Instant previous = toInstant(ticks.get(day - 2));
        Instant closed = toInstant(ticks.get(day - 1));
        long gapMillis = Duration.between(previous, closed).toMillis();
        assertTrue(
            gapMillis < 2_000, "day " + day + " closed " + gapMillis + " ms after the one before");
      }
      assertEquals(2, ticks.get(4).getHomes(), "the two living homes go on");
      Account dead = market.account("always-give");
      assertTrue(dead.getDays() <= 3, "the killed home stops taking part: " + dead);
      assertEquals(
          dead.getProducedWh() + dead.getReceivedWh() + dead.getBoughtWh() + dead.getShortfallWh(),
          dead.getConsumedWh() + dead.getGivenWh() + dead.getSoldWh() + dead.getWastedWh(),
          "the killed home's books balance too");
      for (String living : new String[] {"always-sell", "sell-if-no-takers"}) {
        Account account = market.account(living);
        assertTrue(account.getDays() >= 5, living + " took part in every day: " + account);
        assertEquals(0, account.getShortfallWh(), living);
        assertEquals(
            account.getProducedWh() + account.getReceivedWh() + account.getBoughtWh(),
            account.getConsumedWh()
                + account.getGivenWh()
                + account.getSoldWh()
                + account.getWastedWh(),
            living);
      }
    } finally {
      homes.forEach(ChildProcess::close);
    }
  }

  private static Instant toInstant(PriceTick tick) {
    return Instant.ofEpochSecond(tick.getClosedAt().getSeconds(), tick.getClosedAt().getNanos());
  }
}

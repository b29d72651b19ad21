package energy.market.launcher.it.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.Account;
import energy.market.api.v1.MarketState;
import energy.market.api.v1.Phase;
import energy.market.api.v1.PriceTick;
import energy.market.launcher.it.RunningMarket;
import energy.market.testing.Await;
import energy.market.testing.Books;
import energy.market.testing.ChildProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Homes as real processes trading with a real market process over sockets. */
class HomeProcessesIT {
  private static final String[] POLICIES = {"always-sell", "always-give", "sell-if-no-takers"};
  private static final Duration DAY = Duration.ofSeconds(2);

  @TempDir Path dataDir;

  @Test
  void threeHomeProcessesOnePerPolicyRunTenDaysWithBalancedBooks() throws Exception {
    List<ChildProcess> homes = new ArrayList<>();
    try (RunningMarket market =
        RunningMarket.waitingForParticipants(dataDir, 10, "--await-homes", "9", "--seed", "3")) {
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
      List<PriceTick> ticks = market.ticks(10, Duration.ofMinutes(5));
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
          Books.assertEnergyBalances(account);
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
        assertEquals(0, home.awaitExit(Await.LONG), home.transcript());
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
        new RunningMarket(
            dataDir, "--day-length", DAY.toMillis() + "ms", "--await-homes", "3", "--seed", "5")) {
      for (String policy : POLICIES) {
        homes.add(market.home(policy, "--name", policy, "--policy", policy));
      }
      List<PriceTick> firstTwo = market.ticks(2, Await.LONG);
      assertEquals(3, firstTwo.get(1).getHomes());
      // Homes answer a phase in milliseconds, too short a moment to catch from outside. A stopped
      // home answers nothing, so every GIFT and TRADE from now on waits for its deadline: the
      // moment to kill it in is as long as a phase.
      ChildProcess victim = homes.get(1);
      victim.signal("STOP");
      MarketState midDay =
          Await.value(
              "GIFT or TRADE of a day after day 2",
              () -> {
                MarketState state = market.state();
                boolean under =
                    state.getPhase() == Phase.PHASE_GIFT || state.getPhase() == Phase.PHASE_TRADE;
                return state.getDay() >= 3 && under ? Optional.of(state) : Optional.empty();
              },
              Await.LONG);
      victim.kill();
      int killDay = (int) midDay.getDay();

      List<PriceTick> ticks = market.ticks(killDay + 2, Await.LONG);
      for (int day = killDay; day <= killDay + 2; day++) {
        Instant previous = toInstant(ticks.get(day - 2));
        Instant closed = toInstant(ticks.get(day - 1));
        long gapMillis = Duration.between(previous, closed).toMillis();
        // A day the dead home stalled would last a whole phase deadline (5 s) more.
        assertTrue(
            gapMillis < 2 * DAY.toMillis(),
            "day " + day + " closed " + gapMillis + " ms after the one before");
      }
      assertEquals(2, ticks.get(killDay + 1).getHomes(), "the two living homes go on");
      Account dead = market.account("always-give");
      assertTrue(
          dead.getDays() <= killDay,
          "the home killed in " + midDay + " stops taking part: " + dead);
      Books.assertEnergyBalances(dead);
      for (String living : new String[] {"always-sell", "sell-if-no-takers"}) {
        Account account = market.account(living);
        assertTrue(
            account.getDays() >= killDay + 2, living + " took part in every day: " + account);
        assertEquals(0, account.getShortfallWh(), living);
        Books.assertEnergyBalances(account);
      }
    } finally {
      homes.forEach(ChildProcess::close);
    }
  }

  private static Instant toInstant(PriceTick tick) {
    return Instant.ofEpochSecond(tick.getClosedAt().getSeconds(), tick.getClosedAt().getNanos());
  }
}

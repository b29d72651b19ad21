package energy.market.launcher.it.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.Account;
import energy.market.launcher.it.RunningMarket;
import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Homes that come and go, as real processes: a home process stopped (kill -9, or SIGTERM) and
 * started again with the same names and state directory is the same homes at the market: same ids,
 * accounts that go on, no name refused.
 */
class HomeIdentityIT {
  private static final int FLEET = 100;

  @TempDir Path dir;

  @Test
  void aHomeKilledWithKill9StartsAgainAsTheSameHomeAndItsAccountGoesOn() throws Exception {
    aHomeStoppedWithStartsAgainAsTheSameHome("KILL");
  }

  @Test
  void aHomeStoppedWithSigtermStartsAgainAsTheSameHomeAndItsAccountGoesOn() throws Exception {
    aHomeStoppedWithStartsAgainAsTheSameHome("TERM");
  }

  private void aHomeStoppedWithStartsAgainAsTheSameHome(String signal) throws Exception {
    String[] alice = {
      "--name", "alice", "--policy", "always-sell", "--print", "homes", "--state-dir", state()
    };
    try (RunningMarket market = market();
        ChildProcess first = market.home("alice", alice)) {
      first.awaitLine("^day \\d+ alice: ", Await.LONG);
      assertTrue(first.transcript().contains("new key"), first.transcript());
      long id = market.account("alice").getHomeId();

      stop(first, signal);
      Account left =
          Await.value(
              "the market saw alice leave",
              () -> Optional.of(market.account("alice")).filter(account -> !account.getConnected()),
              Await.SHORT);

      try (ChildProcess second = market.home("alice-again", alice)) {
        second.awaitLine("^day \\d+ alice: ", Await.LONG);
        second.awaitLine("^day \\d+ alice: ", Await.LONG);
        String transcript = second.transcript();
        assertFalse(transcript.contains("could not register"), transcript);
        assertFalse(
            transcript.contains("new key"), "the key is the one made before:\n" + transcript);
        Account now = market.account("alice");
        assertEquals(id, now.getHomeId(), "the same home");
        assertTrue(now.getConnected());
        assertTrue(
            now.getDays() > left.getDays(),
            "the account goes on: " + left.getDays() + " days at the stop, now " + now.getDays());
        assertEquals(1, market.state().getHomesRegistered(), "one home, never a second");
      }
    }
  }

  @Test
  void anotherStateDirectoryHasAnotherSecretAndCannotTakeAHomesName() throws Exception {
    try (RunningMarket market = market();
        ChildProcess owner =
            market.home("alice", "--name", "alice", "--print", "homes", "--state-dir", state())) {
      owner.awaitLine("^day \\d+ alice: ", Await.LONG);
      long id = market.account("alice").getHomeId();

      String elsewhere = dir.resolve("another-home-state").toString();
      try (ChildProcess stranger =
          market.home("alice-elsewhere", "--name", "alice", "--state-dir", elsewhere)) {
        assertEquals(1, stranger.awaitExit(Await.LONG), stranger.transcript());
        assertTrue(
            stranger
                .transcript()
                .contains(
                    "home-client: no home could register: home name 'alice' is taken by a home"
                        + " with another secret"),
            stranger.transcript());
      }
      assertEquals(id, market.account("alice").getHomeId(), "alice is still the first one's");
      assertEquals(1, market.state().getHomesRegistered());
      owner.awaitLine("^day \\d+ alice: ", Await.LONG);
    }
  }

  @Test
  void aFleetOfAHundredHomesKilledWithKill9StartsAgainAsTheSameHomes() throws Exception {
    String[] fleet = {
      "--count", Integer.toString(FLEET), "--name-prefix", "street", "--state-dir", state()
    };
    try (RunningMarket market = market();
        ChildProcess first = market.home("street", fleet)) {
      first.awaitLine("^day \\d+: " + FLEET + " homes", Await.LONG);
      Map<String, Account> before = accounts(market);

      first.kill();
      Await.until(
          "the market saw the fleet leave",
          () -> market.state().getHomesConnected() == 0,
          Await.SHORT);
      Map<String, Account> left = accounts(market);

      try (ChildProcess second = market.home("street-again", fleet)) {
        second.awaitLine("^day \\d+: " + FLEET + " homes", Await.LONG);
        second.awaitLine("^day \\d+: " + FLEET + " homes", Await.LONG);
        assertFalse(second.transcript().contains("could not register"), "none refused:\n" + second);
        Map<String, Account> after = accounts(market);
        List<String> changed = new ArrayList<>();
        for (String name : before.keySet()) {
          if (after.get(name).getHomeId() != before.get(name).getHomeId()
              || after.get(name).getDays() <= left.get(name).getDays()) {
            changed.add(name);
          }
        }
        assertEquals(List.of(), changed, "homes that did not resume their account");
        assertEquals(FLEET, market.state().getHomesRegistered(), "no home registered twice");
      }
    }
  }

  private RunningMarket market() throws Exception {
    // Days of a fixed length go on while the homes are away, as they do for a real market.
    return new RunningMarket(dir.resolve("data"), "--day-length", "1s", "--seed", "11");
  }

  private String state() {
    return dir.resolve("home-state").toString();
  }

  private static Map<String, Account> accounts(RunningMarket market) {
    Map<String, Account> accounts = new HashMap<>();
    for (int i = 1; i <= FLEET; i++) {
      String name = "street-" + i;
      accounts.put(name, market.account(name));
    }
    return accounts;
  }

  private static void stop(ChildProcess home, String signal) throws Exception {
    if (signal.equals("KILL")) {
      home.kill();
    } else {
      home.terminate(Await.SHORT);
      assertTrue(home.transcript().contains("left the market"), home.transcript());
    }
  }
}

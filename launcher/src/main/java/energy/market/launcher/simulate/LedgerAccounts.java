package energy.market.launcher.simulate;

import energy.market.launcher.model.HomeAccount;
import energy.market.server.day.Account;
import energy.market.server.homes.Home;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The homes' final accounts as the market's ledger kept them, in the order of their names. */
final class LedgerAccounts {
  /**
   * The accounts found, in the order of the names asked for, and the names the ledger does not know
   * (with why).
   */
  record Found(List<HomeAccount> accounts, List<String> missing) {}

  private LedgerAccounts() {}

  /** The accounts of the homes {@code names}, from every registered home's account. */
  static Found of(Map<Home, Account> registered, List<String> names) {
    Map<String, HomeAccount> byName = new HashMap<>();
    registered.forEach((home, account) -> byName.put(home.name(), of(home, account)));
    List<HomeAccount> accounts = new ArrayList<>(names.size());
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      HomeAccount account = byName.get(name);
      if (account == null) {
        missing.add(name + " (never registered)");
      } else {
        accounts.add(account);
      }
    }
    return new Found(accounts, missing);
  }

  private static HomeAccount of(Home home, Account account) {
    return new HomeAccount(
        home.name(),
        home.policy().label(),
        account.producedWh(),
        account.consumedWh(),
        account.givenWh(),
        account.receivedWh(),
        account.soldWh(),
        account.boughtWh(),
        account.wastedWh(),
        account.shortfallWh(),
        account.paidMicro(),
        account.earnedMicro(),
        account.balanceMicro());
  }
}

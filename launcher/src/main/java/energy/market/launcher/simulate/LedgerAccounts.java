package energy.market.launcher.simulate;

import energy.market.launcher.model.HomeAccount;
import energy.market.server.day.Account;
import energy.market.server.homes.Home;
import energy.market.server.ledger.SqliteLedger;
import energy.market.server.ledger.UnusableLedgerException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The homes' final accounts as the market's ledger kept them, read once the market has stopped: the
 * market need not answer thousands of calls while it is being stopped, and the accounts are those
 * of the days the results hold.
 */
final class LedgerAccounts {
  /**
   * The accounts found, in the order of the names asked for, and the names the ledger does not know
   * (with why).
   */
  record Found(List<HomeAccount> accounts, List<String> missing) {}

  private LedgerAccounts() {}

  /**
   * The accounts of the homes {@code names}, or null (and one line on {@code out}) when there is no
   * readable ledger: the market never started, or left no books.
   */
  static Found forResults(Path ledger, List<String> names, PrintWriter out) {
    if (!Files.isRegularFile(ledger)) {
      return null;
    }
    try {
      return read(ledger, names);
    } catch (UnusableLedgerException e) {
      out.println("could not read the homes' accounts: " + e.getMessage());
      out.flush();
      return null;
    }
  }

  /**
   * The accounts of the homes {@code names}, as of the ledger's last closed day.
   *
   * @throws UnusableLedgerException when the file is not a ledger or cannot be read
   */
  static Found read(Path ledger, List<String> names) throws UnusableLedgerException {
    Map<String, HomeAccount> byName = new HashMap<>();
    SqliteLedger.accounts(ledger)
        .forEach((home, account) -> byName.put(home.name(), of(home, account)));
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

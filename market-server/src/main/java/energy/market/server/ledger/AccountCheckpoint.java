package energy.market.server.ledger;

import energy.market.server.day.Account;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the writer remembers of the accounts between their checkpoints: the day {@code
 * account_totals} is summed up to, the last closed day, and each account changed since the
 * checkpoint, as of the last closed day. A close then only adds its home days (the view {@code
 * accounts} adds them to the totals), and every {@value #DAYS_BETWEEN} days the changed accounts
 * are written whole: rewriting all 10,000 account rows at every close was 15 of its 41 ms.
 *
 * <p>Only the writer's thread uses it, and only after the write it mirrors is committed (see {@link
 * LedgerWrites}), so it never holds a day the file does not. A start that finds the totals behind
 * writes them whole before anything else (the accounts changed since are not known then).
 */
final class AccountCheckpoint {
  /** Closed days between two checkpoints: the most home days the view {@code accounts} adds up. */
  static final int DAYS_BETWEEN = 32;

  private final Map<Long, Account> changedSince = new HashMap<>();
  private long throughDay;
  private long lastClosedDay;

  /**
   * @param throughDay the day {@code account_totals} holds every home day up to
   * @param lastClosedDay the last closed day in the file
   */
  AccountCheckpoint(long throughDay, long lastClosedDay) {
    this.throughDay = throughDay;
    this.lastClosedDay = lastClosedDay;
  }

  /** The last closed day in the file. */
  long lastClosedDay() {
    return lastClosedDay;
  }

  /** Whether the totals lack some closed day. */
  boolean behind() {
    return lastClosedDay > throughDay;
  }

  /** Whether closing {@code day} should write the accounts whole. */
  boolean dueAt(long day) {
    return day - throughDay >= DAYS_BETWEEN;
  }

  /** The accounts changed since the checkpoint, as of the last closed day. */
  Collection<Account> changed() {
    return changedSince.values();
  }

  /** A closed day was committed, with the accounts of its homes after it. */
  void closed(long day, List<Account> accounts) {
    for (Account account : accounts) {
      changedSince.put(account.homeId(), account);
    }
    lastClosedDay = day;
  }

  /**
   * The totals were committed as of {@code day}. A close committed with them may be later than that
   * day (the ledger's last checkpoint, queued behind a close): then the accounts changed stay
   * known, as of that close, for the next checkpoint.
   */
  void kept(long day) {
    throughDay = day;
    if (day >= lastClosedDay) {
      changedSince.clear();
    }
  }
}

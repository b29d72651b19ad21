package energy.market.server.ledger;

import energy.market.server.day.Account;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes the accounts' totals ({@code account_totals} and the day in {@code account_checkpoint}):
 * whole every {@link AccountCheckpoint#DAYS_BETWEEN} closed days, when the ledger closes, and when
 * a start finds them behind. Between those, a close writes only its home days, which the view
 * {@code accounts} adds. Part of {@link LedgerWrites}: same connection, same thread, same
 * transactions.
 */
final class AccountTotals implements AutoCloseable {
  private final PreparedStatement upsert;
  private final PreparedStatement keepThrough;
  private final AccountCheckpoint checkpoint;
  private final Consumer<Runnable> afterCommit;

  /**
   * @param afterCommit runs what it is given once the transaction under way is committed, and
   *     forgets it if that is rolled back
   */
  AccountTotals(Connection connection, Consumer<Runnable> afterCommit) throws SQLException {
    this.afterCommit = afterCommit;
    upsert =
        connection.prepareStatement(
            "INSERT INTO account_totals (home_id, balance_micro_eur, produced_wh, consumed_wh,"
                + " given_wh, received_wh, sold_wh, bought_wh, wasted_wh, shortfall_wh,"
                + " paid_micro_eur, earned_micro_eur, days)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (home_id) DO UPDATE SET"
                + " balance_micro_eur = excluded.balance_micro_eur,"
                + " produced_wh = excluded.produced_wh, consumed_wh = excluded.consumed_wh,"
                + " given_wh = excluded.given_wh, received_wh = excluded.received_wh,"
                + " sold_wh = excluded.sold_wh, bought_wh = excluded.bought_wh,"
                + " wasted_wh = excluded.wasted_wh, shortfall_wh = excluded.shortfall_wh,"
                + " paid_micro_eur = excluded.paid_micro_eur,"
                + " earned_micro_eur = excluded.earned_micro_eur, days = excluded.days");
    keepThrough =
        connection.prepareStatement(
            "UPDATE account_checkpoint SET through_day = ? WHERE checkpoint_id = 1");
    checkpoint = read(connection);
  }

  private static AccountCheckpoint read(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT (SELECT through_day FROM account_checkpoint) AS through_day,"
                    + " (SELECT coalesce(max(day), 0) FROM days) AS last_day")) {
      StrictRow row = new StrictRow(rows, "account_checkpoint");
      row.next();
      return new AccountCheckpoint(row.integer(1), row.integer(2));
    }
  }

  /**
   * A day's home days were written, with the accounts of its homes after it: every {@link
   * AccountCheckpoint#DAYS_BETWEEN} days the totals are written whole as well.
   */
  void dayClosed(long day, List<Account> accounts) throws SQLException {
    afterCommit.accept(() -> checkpoint.closed(day, accounts));
    if (checkpoint.dueAt(day)) {
      Map<Long, Account> whole = new HashMap<>();
      for (Account account : checkpoint.changed()) {
        whole.put(account.homeId(), account);
      }
      for (Account account : accounts) {
        whole.put(account.homeId(), account);
      }
      keep(whole.values(), day);
    }
  }

  /**
   * When a start finds the totals behind the last closed day (the market stopped between two
   * checkpoints), writes them whole from {@code accounts}: every home's account as of that day, as
   * the view {@code accounts} gave them.
   */
  void catchUp(Collection<Account> accounts) throws SQLException {
    if (checkpoint.behind()) {
      keep(accounts, checkpoint.lastClosedDay());
    }
  }

  /**
   * Writes the accounts changed since the checkpoint whole, when some closed day is not in them.
   */
  void keepChanged() throws SQLException {
    if (checkpoint.behind()) {
      keep(List.copyOf(checkpoint.changed()), checkpoint.lastClosedDay());
    }
  }

  private void keep(Collection<Account> accounts, long day) throws SQLException {
    if (!accounts.isEmpty()) {
      for (Account account : accounts) {
        upsert.setLong(1, account.homeId());
        bind(account);
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
    keepThrough.setLong(1, day);
    keepThrough.executeUpdate();
    afterCommit.accept(() -> checkpoint.kept(day));
  }

  private void bind(Account account) throws SQLException {
    int i = 2;
    upsert.setLong(i++, account.balanceMicro());
    upsert.setLong(i++, account.producedWh());
    upsert.setLong(i++, account.consumedWh());
    upsert.setLong(i++, account.givenWh());
    upsert.setLong(i++, account.receivedWh());
    upsert.setLong(i++, account.soldWh());
    upsert.setLong(i++, account.boughtWh());
    upsert.setLong(i++, account.wastedWh());
    upsert.setLong(i++, account.shortfallWh());
    upsert.setLong(i++, account.paidMicro());
    upsert.setLong(i++, account.earnedMicro());
    upsert.setLong(i, account.days());
  }

  /** Forgets accounts added to a batch but not executed, after a failed write was rolled back. */
  void clearBatch() throws SQLException {
    upsert.clearBatch();
  }

  @Override
  public void close() throws SQLException {
    upsert.close();
    keepThrough.close();
  }
}

package energy.market.server.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Checks, before a market resumes from a ledger, that its accounts add up: each home's balance is
 * what it earned minus what it paid, each home's energy balances (produced + received + bought +
 * shortfall = consumed + given + sold + wasted), and the accounts' totals equal the closed days'
 * totals. A market that resumed from books that do not add up would carry the error into every
 * later day.
 *
 * <p>Only what is cheap runs every start (one pass over the accounts and one over the days); the
 * per-day rows of each home are read only when the totals disagree, to name the home.
 */
final class AccountAudit {
  /** The account columns the closed days also total, in the order of both tables. */
  private static final List<String> TOTALS =
      List.of(
          "produced_wh",
          "consumed_wh",
          "given_wh",
          "received_wh",
          "sold_wh",
          "bought_wh",
          "wasted_wh",
          "shortfall_wh",
          "paid_micro_eur",
          "earned_micro_eur");

  private final Connection connection;

  AccountAudit(Connection connection) {
    this.connection = connection;
  }

  /** What does not add up, on one line, or empty when every account does. */
  Optional<String> firstMismatch() throws SQLException {
    Optional<String> account = accountMismatch();
    if (account.isPresent()) {
      return account;
    }
    return totalsMismatch();
  }

  /** The first account whose balance or energy does not add up by itself. */
  private Optional<String> accountMismatch() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT a.home_id, h.name, a.balance_micro_eur, a.earned_micro_eur,"
                    + " a.paid_micro_eur, a.produced_wh, a.received_wh, a.bought_wh,"
                    + " a.shortfall_wh, a.consumed_wh, a.given_wh, a.sold_wh, a.wasted_wh"
                    + " FROM accounts a LEFT JOIN homes h ON h.home_id = a.home_id"
                    + " ORDER BY a.home_id")) {
      StrictRow row = new StrictRow(rows, "accounts");
      while (row.next()) {
        String home = home(row.integer(1), row.textOrNull(2));
        long balance = row.integer(3);
        long earned = row.integer(4);
        long paid = row.integer(5);
        if (balance != earned - paid) {
          return Optional.of(
              String.format(
                  "%s: balance_micro_eur is %d, but earned - paid is %d - %d = %d",
                  home, balance, earned, paid, earned - paid));
        }
        long produced = row.integer(6);
        long received = row.integer(7);
        long bought = row.integer(8);
        long shortfall = row.integer(9);
        long consumed = row.integer(10);
        long given = row.integer(11);
        long sold = row.integer(12);
        long wasted = row.integer(13);
        long in = produced + received + bought + shortfall;
        long out = consumed + given + sold + wasted;
        if (in != out) {
          return Optional.of(
              String.format(
                  "%s: its energy does not balance: produced + received + bought + shortfall ="
                      + " %d + %d + %d + %d = %d Wh, but consumed + given + sold + wasted ="
                      + " %d + %d + %d + %d = %d Wh",
                  home, produced, received, bought, shortfall, in, consumed, given, sold, wasted,
                  out));
        }
      }
    }
    return Optional.empty();
  }

  /** Where the accounts' totals and the closed days' totals part. */
  private Optional<String> totalsMismatch() throws SQLException {
    long[] accounts = sums("accounts");
    long[] days = sums("days");
    for (int i = 0; i < TOTALS.size(); i++) {
      if (accounts[i] != days[i]) {
        String column = TOTALS.get(i);
        return Optional.of(
            homeAgainstItsDays(column)
                .orElse(
                    String.format(
                        "the accounts' %s add up to %d, but the closed days' to %d",
                        column, accounts[i], days[i])));
      }
    }
    return Optional.empty();
  }

  private long[] sums(String table) throws SQLException {
    StringBuilder query = new StringBuilder("SELECT count(*) AS rows_counted");
    for (String column : TOTALS) {
      query.append(", coalesce(sum(").append(column).append("), 0) AS ").append(column);
    }
    query.append(" FROM ").append(table);
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query.toString())) {
      StrictRow row = new StrictRow(rows, table);
      row.next();
      long[] sums = new long[TOTALS.size()];
      for (int i = 0; i < sums.length; i++) {
        sums[i] = row.integer(i + 2);
      }
      return sums;
    }
  }

  /** The first home whose account in {@code column} is not the sum of its settled days. */
  private Optional<String> homeAgainstItsDays(String column) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT a.home_id, h.name, a."
                    + column
                    + ", coalesce(d.days_sum, 0) AS days_sum"
                    + " FROM accounts a LEFT JOIN homes h ON h.home_id = a.home_id"
                    + " LEFT JOIN (SELECT home_id, sum("
                    + column
                    + ") AS days_sum FROM home_days GROUP BY home_id) d"
                    + " ON d.home_id = a.home_id ORDER BY a.home_id")) {
      StrictRow row = new StrictRow(rows, "accounts");
      while (row.next()) {
        long account = row.integer(3);
        long ofDays = row.integer(4);
        if (account != ofDays) {
          return Optional.of(
              String.format(
                  "%s: %s is %d in its account, but its settled days (home_days) add up to %d",
                  home(row.integer(1), row.textOrNull(2)), column, account, ofDays));
        }
      }
    }
    return Optional.empty();
  }

  private static String home(long homeId, String name) {
    return name == null ? "home id " + homeId : "home " + name + " (id " + homeId + ")";
  }
}

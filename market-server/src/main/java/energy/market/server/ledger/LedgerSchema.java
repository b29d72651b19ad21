package energy.market.server.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The ledger's tables, and the marks that make a ledger file recognisable: {@code PRAGMA
 * application_id} (the bytes "EMKT") says the file is ours, {@code PRAGMA user_version} its schema
 * version. The statements keep their comments, so {@code sqlite3 ledger.db .schema} documents every
 * column. Units as in the contract: Wh, micro-euros, micro-euros per kWh, degrees Celsius, times in
 * ISO-8601 UTC.
 */
final class LedgerSchema {
  /** "EMKT" in ASCII. */
  static final int APPLICATION_ID = 0x454D4B54;

  /** The schema this code writes; it reads this and every older one (after migrating it). */
  static final int VERSION = 3;

  /**
   * Every trade, in the order the market executed them. Version 1 also had a unique index over
   * (day, home, request id): request ids are random, so its inserts landed all over the index, one
   * page written to the log for nearly every trade of a commit. The market keeps each home's day of
   * request ids itself (rebuilt from this table when it resumes a day), and the index on the day
   * alone grows at its end, as the table does.
   */
  private static String tradesTable(String name) {
    return """
        CREATE TABLE %s (                      -- every executed trade, kept before its receipt is sent
          trade_id INTEGER PRIMARY KEY,
          day INTEGER NOT NULL,
          home_id INTEGER NOT NULL REFERENCES homes (home_id),
          side TEXT NOT NULL CHECK (side IN ('buy', 'sell')),
          amount_wh INTEGER NOT NULL CHECK (amount_wh > 0),
          price_micro_eur_per_kwh INTEGER NOT NULL,
          money_micro_eur INTEGER NOT NULL,        -- paid by a buyer or earned by a seller
          request_id TEXT                          -- the home's id for the order; NULL if none
        )"""
        .formatted(name);
  }

  private static final String TRADES_BY_DAY = "CREATE INDEX trades_by_day ON trades (day)";

  /** From version 1 to 2: the trades table again, without its unique index. */
  private static final List<String> TO_VERSION_2 =
      List.of(
          tradesTable("trades_v2"),
          "INSERT INTO trades_v2 SELECT trade_id, day, home_id, side, amount_wh,"
              + " price_micro_eur_per_kwh, money_micro_eur, request_id FROM trades",
          "DROP TABLE trades",
          "ALTER TABLE trades_v2 RENAME TO trades",
          TRADES_BY_DAY);

  /**
   * Each home's totals up to the day {@code account_checkpoint} names. Version 2 kept them as the
   * table {@code accounts}, every row rewritten at every close (15 of the 41 ms a close of 10,000
   * homes took); the ledger now writes them whole every few days and when it closes, and the view
   * {@code accounts} adds the home days closed since.
   */
  private static String accountTotalsTable(String name) {
    return """
        CREATE TABLE %s (                      -- each home's totals up to account_checkpoint.through_day;
                                                 -- read the view accounts for the last closed day
          home_id INTEGER PRIMARY KEY REFERENCES homes (home_id),
          balance_micro_eur INTEGER NOT NULL,      -- earned - paid
          produced_wh INTEGER NOT NULL,
          consumed_wh INTEGER NOT NULL,
          given_wh INTEGER NOT NULL,
          received_wh INTEGER NOT NULL,
          sold_wh INTEGER NOT NULL,
          bought_wh INTEGER NOT NULL,
          wasted_wh INTEGER NOT NULL,              -- surplus neither given nor sold
          shortfall_wh INTEGER NOT NULL,           -- deficit neither received nor bought
          paid_micro_eur INTEGER NOT NULL,
          earned_micro_eur INTEGER NOT NULL,
          days INTEGER NOT NULL                    -- days the home took part in
        )"""
        .formatted(name);
  }

  private static final String ACCOUNT_CHECKPOINT =
      """
      CREATE TABLE account_checkpoint (          -- how far account_totals goes (1 row)
        checkpoint_id INTEGER PRIMARY KEY CHECK (checkpoint_id = 1),
        through_day INTEGER NOT NULL             -- account_totals holds the home days up to this day
      )""";

  private static final String ACCOUNTS_VIEW =
      """
      CREATE VIEW accounts AS                    -- each home's totals up to the last closed day
      SELECT h.home_id AS home_id,
        coalesce(t.balance_micro_eur, 0) + coalesce(d.balance_micro_eur, 0) AS balance_micro_eur,
        coalesce(t.produced_wh, 0) + coalesce(d.produced_wh, 0) AS produced_wh,
        coalesce(t.consumed_wh, 0) + coalesce(d.consumed_wh, 0) AS consumed_wh,
        coalesce(t.given_wh, 0) + coalesce(d.given_wh, 0) AS given_wh,
        coalesce(t.received_wh, 0) + coalesce(d.received_wh, 0) AS received_wh,
        coalesce(t.sold_wh, 0) + coalesce(d.sold_wh, 0) AS sold_wh,
        coalesce(t.bought_wh, 0) + coalesce(d.bought_wh, 0) AS bought_wh,
        coalesce(t.wasted_wh, 0) + coalesce(d.wasted_wh, 0) AS wasted_wh,
        coalesce(t.shortfall_wh, 0) + coalesce(d.shortfall_wh, 0) AS shortfall_wh,
        coalesce(t.paid_micro_eur, 0) + coalesce(d.paid_micro_eur, 0) AS paid_micro_eur,
        coalesce(t.earned_micro_eur, 0) + coalesce(d.earned_micro_eur, 0) AS earned_micro_eur,
        coalesce(t.days, 0) + coalesce(d.days, 0) AS days
      FROM homes AS h
      LEFT JOIN account_totals AS t ON t.home_id = h.home_id
      LEFT JOIN (
        SELECT home_id,
          sum(earned_micro_eur) - sum(paid_micro_eur) AS balance_micro_eur,
          sum(produced_wh) AS produced_wh, sum(consumed_wh) AS consumed_wh,
          sum(given_wh) AS given_wh, sum(received_wh) AS received_wh,
          sum(sold_wh) AS sold_wh, sum(bought_wh) AS bought_wh,
          sum(wasted_wh) AS wasted_wh, sum(shortfall_wh) AS shortfall_wh,
          sum(paid_micro_eur) AS paid_micro_eur, sum(earned_micro_eur) AS earned_micro_eur,
          sum(declared) AS days
        FROM home_days
        WHERE day > (SELECT through_day FROM account_checkpoint)
        GROUP BY home_id
      ) AS d ON d.home_id = h.home_id""";

  /**
   * From version 2 to 3: the accounts as totals up to a checkpoint, and a view that adds the rest.
   */
  private static final List<String> TO_VERSION_3 =
      List.of(
          accountTotalsTable("account_totals"),
          "INSERT INTO account_totals SELECT home_id, balance_micro_eur, produced_wh, consumed_wh,"
              + " given_wh, received_wh, sold_wh, bought_wh, wasted_wh, shortfall_wh,"
              + " paid_micro_eur, earned_micro_eur, days FROM accounts",
          "DROP TABLE accounts",
          ACCOUNT_CHECKPOINT,
          // Version 2 rewrote the accounts at every close: they hold every closed day.
          "INSERT INTO account_checkpoint (checkpoint_id, through_day)"
              + " SELECT 1, coalesce(max(day), 0) FROM days",
          ACCOUNTS_VIEW);

  private static final List<String> TABLES =
      List.of(
          """
          CREATE TABLE run (                         -- the run's model, fixed at its first start
            run_id INTEGER PRIMARY KEY CHECK (run_id = 1),
            created_at TEXT NOT NULL,                -- when the ledger was created
            seed INTEGER NOT NULL,                   -- seed of the market's random choices
            initial_price_micro_eur_per_kwh INTEGER NOT NULL,
            reference_price_micro_eur_per_kwh INTEGER NOT NULL,
            gamma REAL NOT NULL,
            alpha_net_micro_eur_per_kwh REAL NOT NULL,   -- per kWh of net demand per home
            alpha_temp_micro_eur_per_kwh REAL NOT NULL,  -- per heating or cooling degree
            comfort_low_celsius REAL NOT NULL,
            comfort_high_celsius REAL NOT NULL,
            price_floor_micro_eur_per_kwh INTEGER NOT NULL,
            price_cap_micro_eur_per_kwh INTEGER NOT NULL
          )""",
          """
          CREATE TABLE event_catalog (               -- the run's event kinds
            kind TEXT PRIMARY KEY,                   -- storm, cold-snap, war, ...
            effect_micro_eur_per_kwh INTEGER NOT NULL,   -- effect on the first close, signed
            duration_days INTEGER NOT NULL           -- closes it moves, fading linearly
          )""",
          """
          CREATE TABLE starts (                      -- one row per start of the market
            start_id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            first_day INTEGER NOT NULL,              -- the first day this start ran
            day_length_ms INTEGER NOT NULL,          -- 0: as fast as possible
            phase_deadline_ms INTEGER NOT NULL,
            last_day INTEGER,                        -- --days; NULL for no limit
            max_concurrent_trades INTEGER NOT NULL,
            trade_queue INTEGER NOT NULL
          )""",
          """
          CREATE TABLE homes (                       -- every registered home
            home_id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            policy TEXT NOT NULL CHECK (policy IN ('always-sell', 'always-give', 'sell-if-no-takers')),
            token_sha256 TEXT NOT NULL,              -- SHA-256 of the secret the home chose, hex; never the secret
            registered_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
          )""",
          accountTotalsTable("account_totals"),
          ACCOUNT_CHECKPOINT,
          """
          CREATE TABLE events (                      -- every accepted external event
            event_seq INTEGER PRIMARY KEY,           -- order of acceptance
            event_id TEXT NOT NULL UNIQUE,           -- the reporter's id (a repeat changes nothing)
            kind TEXT NOT NULL,
            start_day INTEGER NOT NULL,              -- the first day whose close it moves
            effect_micro_eur_per_kwh INTEGER NOT NULL,
            duration_days INTEGER NOT NULL,
            source TEXT NOT NULL,
            received_at TEXT NOT NULL
          )""",
          tradesTable("trades"),
          TRADES_BY_DAY,
          """
          CREATE TABLE days (                        -- every closed day (its tick)
            day INTEGER PRIMARY KEY,
            price_micro_eur_per_kwh INTEGER NOT NULL,        -- set at this close: the next day's price
            change_micro_eur_per_kwh INTEGER NOT NULL,       -- this close's price minus the previous
            traded_price_micro_eur_per_kwh INTEGER NOT NULL, -- the price this day traded at
            price_bounded INTEGER NOT NULL,          -- 1 when the floor or cap set the price
            temperature_celsius REAL NOT NULL,
            weather_stale INTEGER NOT NULL,          -- 1 when no report came (previous temperature kept)
            homes INTEGER NOT NULL,                  -- homes that took part
            produced_wh INTEGER NOT NULL,
            consumed_wh INTEGER NOT NULL,
            given_wh INTEGER NOT NULL,
            received_wh INTEGER NOT NULL,
            sold_wh INTEGER NOT NULL,
            bought_wh INTEGER NOT NULL,
            wasted_wh INTEGER NOT NULL,
            shortfall_wh INTEGER NOT NULL,
            paid_micro_eur INTEGER NOT NULL,
            earned_micro_eur INTEGER NOT NULL,
            closed_at TEXT NOT NULL
          )""",
          """
          CREATE TABLE day_events (                  -- the events that moved each close
            day INTEGER NOT NULL REFERENCES days (day),
            event_id TEXT NOT NULL REFERENCES events (event_id),
            remaining_days INTEGER NOT NULL,         -- closes it still moves after this one
            effect_micro_eur_per_kwh INTEGER NOT NULL,
            PRIMARY KEY (day, event_id)
          ) WITHOUT ROWID""",
          """
          CREATE TABLE home_days (                   -- each home's settled day
            day INTEGER NOT NULL REFERENCES days (day),
            home_id INTEGER NOT NULL REFERENCES homes (home_id),
            declared INTEGER NOT NULL,               -- 0: the home did not take part
            produced_wh INTEGER NOT NULL,
            consumed_wh INTEGER NOT NULL,
            offered_wh INTEGER NOT NULL,
            claimed_wh INTEGER NOT NULL,
            given_wh INTEGER NOT NULL,
            received_wh INTEGER NOT NULL,
            returned_wh INTEGER NOT NULL,            -- offered but not taken
            sold_wh INTEGER NOT NULL,
            bought_wh INTEGER NOT NULL,
            wasted_wh INTEGER NOT NULL,
            shortfall_wh INTEGER NOT NULL,
            paid_micro_eur INTEGER NOT NULL,
            earned_micro_eur INTEGER NOT NULL,
            PRIMARY KEY (day, home_id)
          ) WITHOUT ROWID""",
          """
          CREATE TABLE open_day (                    -- the day in progress once its GIFT closed; emptied when it closes
            day INTEGER PRIMARY KEY,
            price_micro_eur_per_kwh INTEGER NOT NULL,  -- the price it trades at
            temperature_celsius REAL NOT NULL,
            weather_stale INTEGER NOT NULL,
            homes INTEGER NOT NULL,                  -- homes that declared it
            declarations BLOB NOT NULL               -- per home, 8 big-endian int64: home_id, produced,
                                                     -- consumed, offered, claimed, given, received, returned (Wh)
          )""",
          ACCOUNTS_VIEW);

  private LedgerSchema() {}

  /** Creates every table in an empty database and marks it as a ledger of this version. */
  static void create(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String table : TABLES) {
        statement.executeUpdate(table.strip());
      }
      statement.executeUpdate(
          "INSERT INTO account_checkpoint (checkpoint_id, through_day) VALUES (1, 0)");
      statement.executeUpdate("PRAGMA application_id = " + APPLICATION_ID);
      statement.executeUpdate("PRAGMA user_version = " + VERSION);
    }
  }

  /** The database's application id. */
  static int applicationId(Connection connection) throws SQLException {
    return intPragma(connection, "application_id");
  }

  /** The database's schema version. */
  static int version(Connection connection) throws SQLException {
    return intPragma(connection, "user_version");
  }

  /**
   * Brings an older ledger up to {@link #VERSION}, in the caller's transaction: each version since
   * the first adds its step here.
   */
  static void migrate(Connection connection, int from) throws SQLException {
    if (from < 1 || from > VERSION) {
      throw new SQLException("no migration from schema version " + from + " to " + VERSION);
    }
    try (Statement statement = connection.createStatement()) {
      if (from < 2) {
        for (String step : TO_VERSION_2) {
          statement.executeUpdate(step.strip());
        }
      }
      if (from < 3) {
        for (String step : TO_VERSION_3) {
          statement.executeUpdate(step.strip());
        }
      }
      statement.executeUpdate("PRAGMA user_version = " + VERSION);
    }
  }

  private static int intPragma(Connection connection, String pragma) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA " + pragma)) {
      return result.next() ? result.getInt(1) : 0;
    }
  }
}

package energy.market.server.ledger;

import energy.market.model.EventKind;
import energy.market.model.Side;
import energy.market.server.day.Account;
import energy.market.server.day.DayTotals;
import energy.market.server.day.HomeDaySummary;
import energy.market.server.day.TradeRecord;
import energy.market.server.feed.Tick;
import energy.market.server.homes.Home;
import energy.market.server.price.ActiveEffect;
import energy.market.server.price.EventSpec;
import energy.market.server.price.MarketEventRecord;
import energy.market.server.price.PriceParameters;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ledger's writes as prepared statements on one connection. Not thread-safe: only the ledger's
 * writer thread uses it (and, before that thread starts, the code that creates the ledger), always
 * inside a transaction that the caller commits, after {@link #flush()}, then tells {@link
 * #committed()} or {@link #rolledBack(int)}: what the writes remember in memory (the {@link
 * AccountCheckpoint}) changes only once the rows it mirrors are committed.
 */
final class LedgerWrites implements AutoCloseable {
  private final Connection connection;
  private final PreparedStatement insertHome;
  private final PreparedStatement insertEmptyAccount;
  private final PreparedStatement insertTrade;
  private final PreparedStatement insertEvent;
  private final PreparedStatement insertDay;
  private final PreparedStatement insertDayEvent;
  private final PreparedStatement insertHomeDay;
  private final PreparedStatement deleteOpenDay;
  private final PreparedStatement replaceOpenDay;
  private final List<Runnable> afterCommit = new ArrayList<>();
  private final AccountTotals accountTotals;
  private int pendingTrades;

  LedgerWrites(Connection connection) throws SQLException {
    this.connection = connection;
    insertHome =
        connection.prepareStatement(
            "INSERT INTO homes (home_id, name, policy, token_sha256) VALUES (?, ?, ?, ?)");
    insertEmptyAccount =
        connection.prepareStatement(
            "INSERT INTO account_totals (home_id, balance_micro_eur, produced_wh, consumed_wh,"
                + " given_wh, received_wh, sold_wh, bought_wh, wasted_wh, shortfall_wh,"
                + " paid_micro_eur, earned_micro_eur, days) VALUES (?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)");
    insertTrade =
        connection.prepareStatement(
            "INSERT INTO trades (trade_id, day, home_id, side, amount_wh, price_micro_eur_per_kwh,"
                + " money_micro_eur, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insertEvent =
        connection.prepareStatement(
            "INSERT INTO events (event_id, kind, start_day, effect_micro_eur_per_kwh,"
                + " duration_days, source, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insertDay =
        connection.prepareStatement(
            "INSERT INTO days (day, price_micro_eur_per_kwh, change_micro_eur_per_kwh,"
                + " traded_price_micro_eur_per_kwh, price_bounded, temperature_celsius,"
                + " weather_stale, homes, produced_wh, consumed_wh, given_wh, received_wh,"
                + " sold_wh, bought_wh, wasted_wh, shortfall_wh, paid_micro_eur,"
                + " earned_micro_eur, closed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insertDayEvent =
        connection.prepareStatement(
            "INSERT INTO day_events (day, event_id, remaining_days, effect_micro_eur_per_kwh)"
                + " VALUES (?, ?, ?, ?)");
    insertHomeDay =
        connection.prepareStatement(
            "INSERT INTO home_days (day, home_id, declared, produced_wh, consumed_wh, offered_wh,"
                + " claimed_wh, given_wh, received_wh, returned_wh, sold_wh, bought_wh,"
                + " wasted_wh, shortfall_wh, paid_micro_eur, earned_micro_eur)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    deleteOpenDay = connection.prepareStatement("DELETE FROM open_day WHERE day = ?");
    replaceOpenDay =
        connection.prepareStatement(
            "INSERT OR REPLACE INTO open_day (day, price_micro_eur_per_kwh, temperature_celsius,"
                + " weather_stale, homes, declarations) VALUES (?, ?, ?, ?, ?, ?)");
    accountTotals = new AccountTotals(connection, afterCommit::add);
  }

  /** The run's model, once, when the ledger is created. */
  void run(RunParameters run, Instant createdAt) throws SQLException {
    flush();
    PriceParameters price = run.price();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO run (run_id, created_at, seed, initial_price_micro_eur_per_kwh,"
                + " reference_price_micro_eur_per_kwh, gamma, alpha_net_micro_eur_per_kwh,"
                + " alpha_temp_micro_eur_per_kwh, comfort_low_celsius, comfort_high_celsius,"
                + " price_floor_micro_eur_per_kwh, price_cap_micro_eur_per_kwh)"
                + " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      statement.setString(1, createdAt.toString());
      statement.setLong(2, run.seed());
      statement.setLong(3, price.initialMicro());
      statement.setLong(4, price.referenceMicro());
      statement.setDouble(5, price.gamma());
      statement.setDouble(6, price.alphaNetMicroPerKwh());
      statement.setDouble(7, price.alphaTempMicroPerDegree());
      statement.setDouble(8, price.comfortLowCelsius());
      statement.setDouble(9, price.comfortHighCelsius());
      statement.setLong(10, price.floorMicro());
      statement.setLong(11, price.capMicro());
      statement.executeUpdate();
    }
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO event_catalog (kind, effect_micro_eur_per_kwh, duration_days)"
                + " VALUES (?, ?, ?)")) {
      for (Map.Entry<EventKind, EventSpec> entry : run.catalog().all().entrySet()) {
        statement.setString(1, entry.getKey().label());
        statement.setLong(2, entry.getValue().effectMicro());
        statement.setInt(3, entry.getValue().durationDays());
        statement.executeUpdate();
      }
    }
  }

  /** One start of the market. */
  void start(MarketStart start) throws SQLException {
    flush();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO starts (started_at, first_day, day_length_ms, phase_deadline_ms,"
                + " last_day, max_concurrent_trades, trade_queue) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      statement.setString(1, start.startedAt().toString());
      statement.setLong(2, start.firstDay());
      statement.setLong(3, start.pace().dayLength().toMillis());
      statement.setLong(4, start.pace().phaseDeadline().toMillis());
      if (start.lastDay() == Long.MAX_VALUE) {
        statement.setNull(5, Types.INTEGER);
      } else {
        statement.setLong(5, start.lastDay());
      }
      statement.setInt(6, start.maxConcurrentTrades());
      statement.setInt(7, start.tradeQueue());
      statement.executeUpdate();
    }
  }

  /** A new home, with its empty account. */
  void home(Home home) throws SQLException {
    flush();
    insertHome.setLong(1, home.id());
    insertHome.setString(2, home.name());
    insertHome.setString(3, home.policy().label());
    insertHome.setString(4, home.secretHash());
    insertHome.executeUpdate();
    insertEmptyAccount.setLong(1, home.id());
    insertEmptyAccount.executeUpdate();
  }

  /**
   * Executed trades, added to the statement's batch: they are inserted by the next other write or
   * {@link #flush()}, so that the trades of a whole group commit go to SQLite in one batch instead
   * of one batch for each call's trade.
   */
  void trades(Iterable<TradeRecord> trades) throws SQLException {
    for (TradeRecord trade : trades) {
      insertTrade.setLong(1, trade.tradeId());
      insertTrade.setLong(2, trade.day());
      insertTrade.setLong(3, trade.homeId());
      insertTrade.setString(4, side(trade.side()));
      insertTrade.setLong(5, trade.amountWh());
      insertTrade.setLong(6, trade.priceMicro());
      insertTrade.setLong(7, trade.moneyMicro());
      if (trade.requestId() == null || trade.requestId().isEmpty()) {
        insertTrade.setNull(8, Types.VARCHAR);
      } else {
        insertTrade.setString(8, trade.requestId());
      }
      insertTrade.addBatch();
      pendingTrades++;
    }
  }

  /** Inserts the trades added since the last flush; every write is in the database after it. */
  void flush() throws SQLException {
    if (pendingTrades > 0) {
      pendingTrades = 0;
      insertTrade.executeBatch();
    }
  }

  /** An accepted event. */
  void event(MarketEventRecord event) throws SQLException {
    flush();
    insertEvent.setString(1, event.eventId());
    insertEvent.setString(2, event.kind().label());
    insertEvent.setLong(3, event.startDay());
    insertEvent.setLong(4, event.spec().effectMicro());
    insertEvent.setInt(5, event.spec().durationDays());
    insertEvent.setString(6, event.source());
    insertEvent.setString(7, event.receivedAt().toString());
    insertEvent.executeUpdate();
  }

  /** The open day's declarations and gift results, replacing what was kept for it before. */
  void openDay(OpenDay day) throws SQLException {
    flush();
    replaceOpenDay.setLong(1, day.day());
    replaceOpenDay.setLong(2, day.priceMicro());
    replaceOpenDay.setDouble(3, day.temperatureCelsius());
    replaceOpenDay.setInt(4, day.weatherStale() ? 1 : 0);
    replaceOpenDay.setInt(5, day.homes().size());
    replaceOpenDay.setBytes(6, PackedDeclarations.pack(day.homes()));
    replaceOpenDay.executeUpdate();
  }

  /**
   * A closed day: tick, events and home days; the open day's rows go. Every {@link
   * AccountCheckpoint#DAYS_BETWEEN} days the accounts' totals are written whole as well.
   */
  void closedDay(ClosedDay closed) throws SQLException {
    flush();
    Tick tick = closed.tick();
    DayTotals totals = closed.totals();
    int i = 0;
    insertDay.setLong(++i, tick.day());
    insertDay.setLong(++i, tick.priceMicro());
    insertDay.setLong(++i, tick.changeMicro());
    insertDay.setLong(++i, tick.tradedPriceMicro());
    insertDay.setInt(++i, tick.bounded() ? 1 : 0);
    insertDay.setDouble(++i, tick.temperatureCelsius());
    insertDay.setInt(++i, tick.weatherStale() ? 1 : 0);
    insertDay.setInt(++i, tick.homes());
    insertDay.setLong(++i, totals.producedWh());
    insertDay.setLong(++i, totals.consumedWh());
    insertDay.setLong(++i, totals.givenWh());
    insertDay.setLong(++i, totals.receivedWh());
    insertDay.setLong(++i, totals.soldWh());
    insertDay.setLong(++i, totals.boughtWh());
    insertDay.setLong(++i, totals.wastedWh());
    insertDay.setLong(++i, totals.shortfallWh());
    insertDay.setLong(++i, totals.paidMicro());
    insertDay.setLong(++i, totals.earnedMicro());
    insertDay.setString(++i, tick.closedAt().toString());
    insertDay.executeUpdate();
    for (ActiveEffect effect : tick.events()) {
      insertDayEvent.setLong(1, tick.day());
      insertDayEvent.setString(2, effect.event().eventId());
      insertDayEvent.setInt(3, effect.remainingDays());
      insertDayEvent.setLong(4, effect.effectMicro());
      insertDayEvent.executeUpdate();
    }
    for (HomeDaySummary home : closed.homes()) {
      i = 0;
      insertHomeDay.setLong(++i, home.day());
      insertHomeDay.setLong(++i, home.homeId());
      insertHomeDay.setInt(++i, home.declared() ? 1 : 0);
      insertHomeDay.setLong(++i, home.producedWh());
      insertHomeDay.setLong(++i, home.consumedWh());
      insertHomeDay.setLong(++i, home.offeredWh());
      insertHomeDay.setLong(++i, home.claimedWh());
      insertHomeDay.setLong(++i, home.givenWh());
      insertHomeDay.setLong(++i, home.receivedWh());
      insertHomeDay.setLong(++i, home.returnedWh());
      insertHomeDay.setLong(++i, home.soldWh());
      insertHomeDay.setLong(++i, home.boughtWh());
      insertHomeDay.setLong(++i, home.wastedWh());
      insertHomeDay.setLong(++i, home.shortfallWh());
      insertHomeDay.setLong(++i, home.paidMicro());
      insertHomeDay.setLong(++i, home.earnedMicro());
      insertHomeDay.addBatch();
    }
    insertHomeDay.executeBatch();
    deleteOpenDay.setLong(1, tick.day());
    deleteOpenDay.executeUpdate();
    accountTotals.dayClosed(tick.day(), closed.accounts());
  }

  /**
   * When a start finds the accounts' totals behind the last closed day, writes them whole from
   * {@code accounts}: every home's account as of that day (see {@link AccountTotals#catchUp}).
   */
  void catchUpAccounts(Collection<Account> accounts) throws SQLException {
    flush();
    accountTotals.catchUp(accounts);
  }

  /** Writes the accounts changed since their totals were last written whole, if any were. */
  void keepChangedAccounts() throws SQLException {
    flush();
    accountTotals.keepChanged();
  }

  /** How a side is written: {@code buy} or {@code sell}. */
  static String side(Side side) {
    return side.name().toLowerCase(Locale.ROOT);
  }

  /** A mark for {@link #rolledBack(int)}: what the writes so far will change once committed. */
  int mark() {
    return afterCommit.size();
  }

  /** The transaction was committed: what its writes remember in memory changes now. */
  void committed() {
    for (Runnable change : afterCommit) {
      change.run();
    }
    afterCommit.clear();
  }

  /**
   * The writes since {@code mark} were rolled back (0: the whole transaction): forgets their rows
   * added to a batch but not executed, and what they would have changed in memory.
   */
  void rolledBack(int mark) throws SQLException {
    afterCommit.subList(mark, afterCommit.size()).clear();
    pendingTrades = 0;
    insertTrade.clearBatch();
    insertHomeDay.clearBatch();
    accountTotals.clearBatch();
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement statement :
        new PreparedStatement[] {
          insertHome,
          insertEmptyAccount,
          insertTrade,
          insertEvent,
          insertDay,
          insertDayEvent,
          insertHomeDay,
          deleteOpenDay,
          replaceOpenDay
        }) {
      statement.close();
    }
    accountTotals.close();
  }
}

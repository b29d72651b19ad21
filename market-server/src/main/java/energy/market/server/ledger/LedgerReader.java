package energy.market.server.ledger;

import energy.market.model.EventKind;
import energy.market.model.Policy;
import energy.market.model.Side;
import energy.market.server.day.Account;
import energy.market.server.day.TradeRecord;
import energy.market.server.feed.Tick;
import energy.market.server.homes.Home;
import energy.market.server.price.ActiveEffect;
import energy.market.server.price.EventCatalog;
import energy.market.server.price.EventSpec;
import energy.market.server.price.MarketEventRecord;
import energy.market.server.price.PriceParameters;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads a ledger back: the run's model, and the state a market resumes from. */
final class LedgerReader {
  private final Connection connection;

  LedgerReader(Connection connection) {
    this.connection = connection;
  }

  /** The run's model. */
  RunParameters run() throws SQLException {
    PriceParameters price;
    long seed;
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT seed, initial_price_micro_eur_per_kwh, reference_price_micro_eur_per_kwh,"
                    + " gamma, alpha_net_micro_eur_per_kwh, alpha_temp_micro_eur_per_kwh,"
                    + " comfort_low_celsius, comfort_high_celsius, price_floor_micro_eur_per_kwh,"
                    + " price_cap_micro_eur_per_kwh FROM run WHERE run_id = 1")) {
      if (!row.next()) {
        throw new IllegalArgumentException("the run table is empty");
      }
      seed = row.getLong(1);
      price =
          new PriceParameters(
              row.getLong(2),
              row.getLong(3),
              row.getDouble(4),
              row.getDouble(5),
              row.getDouble(6),
              row.getDouble(7),
              row.getDouble(8),
              row.getLong(9),
              row.getLong(10));
    }
    EventCatalog catalog = EventCatalog.defaults();
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT kind, effect_micro_eur_per_kwh, duration_days FROM event_catalog")) {
      while (row.next()) {
        catalog =
            catalog.with(
                EventKind.parse(row.getString(1)), new EventSpec(row.getLong(2), row.getInt(3)));
      }
    }
    return new RunParameters(seed, price, catalog);
  }

  /**
   * Everything a market resumes from.
   *
   * @throws IllegalArgumentException when the rows do not fit together
   */
  ResumeState resumeState() throws SQLException {
    List<Home> homes = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT home_id, name, policy, token_sha256 FROM homes ORDER BY home_id")) {
      while (row.next()) {
        homes.add(
            new Home(
                row.getLong(1),
                row.getString(2),
                Policy.parse(row.getString(3)),
                row.getString(4)));
      }
    }
    List<Account> accounts = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT home_id, produced_wh, consumed_wh, given_wh, received_wh, sold_wh,"
                    + " bought_wh, wasted_wh, shortfall_wh, paid_micro_eur, earned_micro_eur, days"
                    + " FROM accounts ORDER BY home_id")) {
      while (row.next()) {
        accounts.add(
            new Account(
                row.getLong(1),
                row.getLong(2),
                row.getLong(3),
                row.getLong(4),
                row.getLong(5),
                row.getLong(6),
                row.getLong(7),
                row.getLong(8),
                row.getLong(9),
                row.getLong(10),
                row.getLong(11),
                row.getLong(12)));
      }
    }
    Map<String, MarketEventRecord> events = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT event_id, kind, start_day, effect_micro_eur_per_kwh, duration_days,"
                    + " source, received_at FROM events ORDER BY event_seq")) {
      while (row.next()) {
        MarketEventRecord event =
            new MarketEventRecord(
                row.getString(1),
                EventKind.parse(row.getString(2)),
                row.getLong(3),
                new EventSpec(row.getLong(4), row.getInt(5)),
                row.getString(6),
                Instant.parse(row.getString(7)));
        events.put(event.eventId(), event);
      }
    }
    List<Tick> ticks = ticks(events);
    long lastTradeId;
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT coalesce(max(trade_id), 0) FROM trades")) {
      row.next();
      lastTradeId = row.getLong(1);
    }
    Optional<OpenDay> openDay = openDay();
    List<TradeRecord> openDayTrades = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT trade_id, home_id, day, side, amount_wh, price_micro_eur_per_kwh,"
                + " money_micro_eur, request_id FROM trades WHERE day > ? ORDER BY trade_id")) {
      statement.setLong(1, ticks.size());
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          openDayTrades.add(
              new TradeRecord(
                  row.getLong(1),
                  row.getLong(2),
                  row.getLong(3),
                  Side.valueOf(row.getString(4).toUpperCase(Locale.ROOT)),
                  row.getLong(5),
                  row.getLong(6),
                  row.getLong(7),
                  row.getString(8) == null ? "" : row.getString(8)));
        }
      }
    }
    return new ResumeState(
        homes, accounts, List.copyOf(events.values()), ticks, lastTradeId, openDay, openDayTrades);
  }

  private List<Tick> ticks(Map<String, MarketEventRecord> events) throws SQLException {
    Map<Long, List<ActiveEffect>> effects = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT d.day, d.event_id, d.remaining_days, d.effect_micro_eur_per_kwh"
                    + " FROM day_events d JOIN events e ON e.event_id = d.event_id"
                    + " ORDER BY d.day, e.event_seq")) {
      while (row.next()) {
        effects
            .computeIfAbsent(row.getLong(1), day -> new ArrayList<>())
            .add(new ActiveEffect(events.get(row.getString(2)), row.getInt(3), row.getLong(4)));
      }
    }
    List<Tick> ticks = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT day, price_micro_eur_per_kwh, change_micro_eur_per_kwh,"
                    + " traded_price_micro_eur_per_kwh, temperature_celsius, weather_stale,"
                    + " bought_wh, sold_wh, given_wh, homes, closed_at, price_bounded"
                    + " FROM days ORDER BY day")) {
      while (row.next()) {
        long day = row.getLong(1);
        ticks.add(
            new Tick(
                day,
                row.getLong(2),
                row.getLong(3),
                row.getLong(4),
                row.getDouble(5),
                row.getInt(6) != 0,
                effects.getOrDefault(day, List.of()),
                row.getLong(7),
                row.getLong(8),
                row.getLong(9),
                row.getInt(10),
                Instant.parse(row.getString(11)),
                row.getInt(12) != 0));
      }
    }
    return ticks;
  }

  private Optional<OpenDay> openDay() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT day, price_micro_eur_per_kwh, temperature_celsius, weather_stale, homes,"
                    + " declarations FROM open_day ORDER BY day")) {
      if (!row.next()) {
        return Optional.empty();
      }
      OpenDay day =
          new OpenDay(
              row.getLong(1),
              row.getLong(2),
              row.getDouble(3),
              row.getInt(4) != 0,
              PackedDeclarations.unpack(row.getBytes(6), row.getInt(5)));
      if (row.next()) {
        throw new IllegalArgumentException("more than one open day");
      }
      return Optional.of(day);
    }
  }
}

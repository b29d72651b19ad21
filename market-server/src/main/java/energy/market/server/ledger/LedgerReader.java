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
        ResultSet rows =
            statement.executeQuery(
                "SELECT seed, initial_price_micro_eur_per_kwh, reference_price_micro_eur_per_kwh,"
                    + " gamma, alpha_net_micro_eur_per_kwh, alpha_temp_micro_eur_per_kwh,"
                    + " comfort_low_celsius, comfort_high_celsius, price_floor_micro_eur_per_kwh,"
                    + " price_cap_micro_eur_per_kwh FROM run WHERE run_id = 1")) {
      StrictRow row = new StrictRow(rows, "run");
      if (!row.next()) {
        throw new IllegalArgumentException("the run table is empty");
      }
      seed = row.integer(1);
      price =
          new PriceParameters(
              row.integer(2),
              row.integer(3),
              row.real(4),
              row.real(5),
              row.real(6),
              row.real(7),
              row.real(8),
              row.integer(9),
              row.integer(10));
    }
    EventCatalog catalog = EventCatalog.defaults();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT kind, effect_micro_eur_per_kwh, duration_days FROM event_catalog")) {
      StrictRow row = new StrictRow(rows, "event_catalog");
      while (row.next()) {
        catalog =
            catalog.with(
                row.parsed(1, "an event kind", EventKind::parse),
                new EventSpec(row.integer(2), row.int32(3)));
      }
    }
    return new RunParameters(seed, price, catalog);
  }

  /** Every registered home, by id. */
  List<Home> homes() throws SQLException {
    List<Home> homes = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT home_id, name, policy, token_sha256 FROM homes ORDER BY home_id")) {
      StrictRow row = new StrictRow(rows, "homes");
      while (row.next()) {
        homes.add(
            new Home(
                row.integer(1),
                row.text(2),
                row.parsed(3, "a policy (" + Policy.allowedLabels() + ")", Policy::parse),
                row.text(4)));
      }
    }
    return homes;
  }

  /** Every home's account as of the last closed day, by home id. */
  List<Account> accounts() throws SQLException {
    List<Account> accounts = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT home_id, produced_wh, consumed_wh, given_wh, received_wh, sold_wh,"
                    + " bought_wh, wasted_wh, shortfall_wh, paid_micro_eur, earned_micro_eur, days"
                    + " FROM accounts ORDER BY home_id")) {
      StrictRow row = new StrictRow(rows, "accounts");
      while (row.next()) {
        accounts.add(
            new Account(
                row.integer(1),
                row.integer(2),
                row.integer(3),
                row.integer(4),
                row.integer(5),
                row.integer(6),
                row.integer(7),
                row.integer(8),
                row.integer(9),
                row.integer(10),
                row.integer(11),
                row.integer(12)));
      }
    }
    return accounts;
  }

  ResumeState resumeState() throws SQLException {
    List<Home> homes = homes();
    List<Account> accounts = accounts();
    Map<String, MarketEventRecord> events = events();
    List<Tick> ticks = ticks(events);
    long lastTradeId;
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT coalesce(max(trade_id), 0) AS max_trade_id FROM trades")) {
      StrictRow row = new StrictRow(rows, "trades");
      row.next();
      lastTradeId = row.integer(1);
    }
    Optional<OpenDay> openDay = openDay();
    List<TradeRecord> openDayTrades = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT trade_id, home_id, day, side, amount_wh, price_micro_eur_per_kwh,"
                + " money_micro_eur, request_id FROM trades WHERE day > ? ORDER BY trade_id")) {
      statement.setLong(1, ticks.size());
      try (ResultSet rows = statement.executeQuery()) {
        StrictRow row = new StrictRow(rows, "trades");
        while (row.next()) {
          String requestId = row.textOrNull(8);
          openDayTrades.add(
              new TradeRecord(
                  row.integer(1),
                  row.integer(2),
                  row.integer(3),
                  row.parsed(4, "a side (buy, sell)", LedgerReader::side),
                  row.integer(5),
                  row.integer(6),
                  row.integer(7),
                  requestId == null ? "" : requestId));
        }
      }
    }
    return new ResumeState(
        homes, accounts, List.copyOf(events.values()), ticks, lastTradeId, openDay, openDayTrades);
  }

  /** Every closed day's tick, from day 1. */
  List<Tick> closedDays() throws SQLException {
    return ticks(events());
  }

  /** Every accepted event, by id, in order of acceptance. */
  private Map<String, MarketEventRecord> events() throws SQLException {
    Map<String, MarketEventRecord> events = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT event_id, kind, start_day, effect_micro_eur_per_kwh, duration_days,"
                    + " source, received_at FROM events ORDER BY event_seq")) {
      StrictRow row = new StrictRow(rows, "events");
      while (row.next()) {
        MarketEventRecord event =
            new MarketEventRecord(
                row.text(1),
                row.parsed(2, "an event kind", EventKind::parse),
                row.integer(3),
                new EventSpec(row.integer(4), row.int32(5)),
                row.text(6),
                row.parsed(7, "an ISO-8601 time", Instant::parse));
        events.put(event.eventId(), event);
      }
    }
    return events;
  }

  private static Side side(String text) {
    return switch (text) {
      case "buy" -> Side.BUY;
      case "sell" -> Side.SELL;
      default -> throw new IllegalArgumentException(text);
    };
  }

  private List<Tick> ticks(Map<String, MarketEventRecord> events) throws SQLException {
    Map<Long, List<ActiveEffect>> effects = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT d.day, d.event_id, d.remaining_days, d.effect_micro_eur_per_kwh"
                    + " FROM day_events d JOIN events e ON e.event_id = d.event_id"
                    + " ORDER BY d.day, e.event_seq")) {
      StrictRow row = new StrictRow(rows, "day_events");
      while (row.next()) {
        effects
            .computeIfAbsent(row.integer(1), day -> new ArrayList<>())
            .add(new ActiveEffect(events.get(row.text(2)), row.int32(3), row.integer(4)));
      }
    }
    List<Tick> ticks = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT day, price_micro_eur_per_kwh, change_micro_eur_per_kwh,"
                    + " traded_price_micro_eur_per_kwh, temperature_celsius, weather_stale,"
                    + " bought_wh, sold_wh, given_wh, homes, closed_at, price_bounded"
                    + " FROM days ORDER BY day")) {
      StrictRow row = new StrictRow(rows, "days");
      while (row.next()) {
        long day = row.integer(1);
        ticks.add(
            new Tick(
                day,
                row.integer(2),
                row.integer(3),
                row.integer(4),
                row.real(5),
                row.integer(6) != 0,
                effects.getOrDefault(day, List.of()),
                row.integer(7),
                row.integer(8),
                row.integer(9),
                row.int32(10),
                row.parsed(11, "an ISO-8601 time", Instant::parse),
                row.integer(12) != 0));
      }
    }
    return ticks;
  }

  private Optional<OpenDay> openDay() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT day, price_micro_eur_per_kwh, temperature_celsius, weather_stale, homes,"
                    + " declarations FROM open_day ORDER BY day")) {
      StrictRow row = new StrictRow(rows, "open_day");
      if (!row.next()) {
        return Optional.empty();
      }
      OpenDay day =
          new OpenDay(
              row.integer(1),
              row.integer(2),
              row.real(3),
              row.integer(4) != 0,
              PackedDeclarations.unpack(row.blob(6), row.int32(5)));
      if (row.next()) {
        throw new IllegalArgumentException("more than one open day");
      }
      return Optional.of(day);
    }
  }
}

package energy.market.server.ledger;

import energy.market.server.day.Account;
import energy.market.server.day.Declaration;
import energy.market.server.day.TradeRecord;
import energy.market.server.feed.Tick;
import energy.market.server.homes.Home;
import energy.market.server.price.MarketEventRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a market needs to go on where a ledger left off: it resumes after the last closed day,
 * and re-runs the day that was in progress (with its gifts and trades so far, when its GIFT had
 * closed).
 *
 * @param homes every registered home, by id
 * @param accounts every home's account as of the last closed day
 * @param events every accepted event, in order of acceptance
 * @param ticks every closed day's tick, from day 1
 * @param lastTradeId the highest trade id used (0 for none)
 * @param openDay the day in progress, if its GIFT had closed
 * @param openDayTrades the trades of that day, by trade id
 */
public record ResumeState(
    List<Home> homes,
    List<Account> accounts,
    List<MarketEventRecord> events,
    List<Tick> ticks,
    long lastTradeId,
    Optional<OpenDay> openDay,
    List<TradeRecord> openDayTrades) {

  /** A new market: nothing to resume. */
  public static final ResumeState EMPTY =
      new ResumeState(List.of(), List.of(), List.of(), List.of(), 0, Optional.empty(), List.of());

  /**
   * @throws IllegalArgumentException when the parts do not fit together (days missing, trades of a
   *     day that never reached TRADE, a trade of a home that did not declare)
   */
  public ResumeState {
    homes = List.copyOf(homes);
    accounts = List.copyOf(accounts);
    events = List.copyOf(events);
    ticks = List.copyOf(ticks);
    openDayTrades = List.copyOf(openDayTrades);
    for (int i = 0; i < ticks.size(); i++) {
      if (ticks.get(i).day() != i + 1) {
        throw new IllegalArgumentException(
            "closed days are not 1.." + ticks.size() + ": day " + (i + 1) + " is missing");
      }
    }
    long next = ticks.size() + 1L;
    if (openDay.isPresent() && openDay.get().day() != next) {
      throw new IllegalArgumentException(
          "the open day is " + openDay.get().day() + " but the next day to close is " + next);
    }
    Set<Long> declared = new HashSet<>();
    openDay.ifPresent(day -> day.homes().forEach(home -> declared.add(home.homeId())));
    for (TradeRecord trade : openDayTrades) {
      if (trade.day() != next || !declared.contains(trade.homeId())) {
        throw new IllegalArgumentException(
            "trade "
                + trade.tradeId()
                + " (home "
                + trade.homeId()
                + ", day "
                + trade.day()
                + ") belongs to no declared home of the open day");
      }
      if (trade.tradeId() > lastTradeId) {
        throw new IllegalArgumentException("trade ids run past " + lastTradeId);
      }
    }
  }

  /** The last closed day, 0 when none closed. */
  public long lastClosedDay() {
    return ticks.size();
  }

  /** The declarations of the open day, or none. */
  public List<Declaration> openDayHomes() {
    return openDay.map(OpenDay::homes).orElse(List.of());
  }
}

package energy.market.server.engine;

import energy.market.server.day.Account;
import energy.market.server.day.BooksViolation;
import energy.market.server.day.DayTotals;
import energy.market.server.day.HomeDay;
import energy.market.server.day.HomeDaySummary;
import energy.market.server.feed.Tick;
import energy.market.server.ledger.ClosedDay;
import energy.market.server.price.ActiveEffect;
import energy.market.server.price.PriceInputs;
import energy.market.server.price.PriceModel;
import energy.market.server.price.PriceUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A day's close: settles every home's day, checks the books, updates the accounts and computes the
 * next price. No threads and no I/O: the day clock's listener commits and publishes what it
 * returns, and nothing changes if the commit fails.
 */
final class DaySettlement {
  private DaySettlement() {}

  /**
   * Settles the day.
   *
   * @param state the day, its trades done
   * @param accounts the accounts as of the previous close, by home id (not changed)
   * @param effects the events moving this day's close
   * @param priceModel the price model
   * @param closedAt when the day closed, for the tick
   * @throws BooksViolation when the day's books or an account do not balance
   */
  static ClosedDay settle(
      DayState state,
      Map<Long, Account> accounts,
      List<ActiveEffect> effects,
      PriceModel priceModel,
      Instant closedAt) {
    long day = state.day();
    List<HomeDaySummary> summaries = new ArrayList<>();
    for (HomeDay home : state.homes()) {
      summaries.add(home.summary());
    }
    summaries.sort(Comparator.comparingLong(HomeDaySummary::homeId));
    DayTotals totals = DayTotals.settle(day, summaries, state.trades());
    List<Account> updated = new ArrayList<>(summaries.size());
    for (HomeDaySummary summary : summaries) {
      Account account =
          accounts.getOrDefault(summary.homeId(), Account.empty(summary.homeId())).plus(summary);
      if (!account.energyBalances()) {
        throw new BooksViolation("account of home " + summary.homeId() + " " + account);
      }
      updated.add(account);
    }
    long eventEffect = effects.stream().mapToLong(ActiveEffect::effectMicro).sum();
    PriceUpdate update =
        priceModel.next(
            state.priceMicro(),
            new PriceInputs(
                totals.boughtWh(),
                totals.soldWh(),
                totals.homes(),
                state.temperatureCelsius(),
                eventEffect));
    Tick tick =
        new Tick(
            day,
            update.priceMicro(),
            update.priceMicro() - state.priceMicro(),
            state.priceMicro(),
            state.temperatureCelsius(),
            !state.weatherReported(),
            effects,
            totals.boughtWh(),
            totals.soldWh(),
            totals.givenWh(),
            totals.homes(),
            closedAt,
            update.bounded());
    return new ClosedDay(tick, totals, summaries, updated);
  }
}

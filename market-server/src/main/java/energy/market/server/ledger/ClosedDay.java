package energy.market.server.ledger;

import energy.market.server.day.Account;
import energy.market.server.day.DayTotals;
import energy.market.server.day.HomeDaySummary;
import energy.market.server.feed.Tick;
import java.util.List;

/**
 * Everything a day's close commits together.
 *
 * @param tick the published tick (price, temperature, events)
 * @param totals the day's checked totals
 * @param homes each home's settled day
 * @param accounts the accounts of those homes after the day
 */
public record ClosedDay(
    Tick tick, DayTotals totals, List<HomeDaySummary> homes, List<Account> accounts) {}

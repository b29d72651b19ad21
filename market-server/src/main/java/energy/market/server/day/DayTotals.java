package energy.market.server.day;

import java.util.Collection;

/**
 * A closed day's totals over all homes, checked for conservation.
 *
 * @param day the day
 * @param homes homes that declared the day
 * @param producedWh energy produced
 * @param consumedWh energy consumed
 * @param givenWh energy given through the broker
 * @param receivedWh energy received through the broker
 * @param soldWh energy sold to the market
 * @param boughtWh energy bought from the market
 * @param wastedWh surplus neither given nor sold
 * @param shortfallWh deficit neither received nor bought
 * @param paidMicro money buyers paid
 * @param earnedMicro money sellers earned
 */
public record DayTotals(
    long day,
    int homes,
    long producedWh,
    long consumedWh,
    long givenWh,
    long receivedWh,
    long soldWh,
    long boughtWh,
    long wastedWh,
    long shortfallWh,
    long paidMicro,
    long earnedMicro) {

  /**
   * Adds up a day and checks its books against the trades the executor recorded: every home's
   * energy balances, gifts given equal gifts received, and the energy and money of the trades equal
   * the homes' totals.
   *
   * @throws BooksViolation naming the first thing that does not balance
   */
  public static DayTotals settle(
      long day, Collection<HomeDaySummary> homes, Collection<TradeRecord> trades) {
    int declared = 0;
    long produced = 0;
    long consumed = 0;
    long given = 0;
    long received = 0;
    long sold = 0;
    long bought = 0;
    long wasted = 0;
    long shortfall = 0;
    long paid = 0;
    long earned = 0;
    for (HomeDaySummary home : homes) {
      if (!home.energyBalances()) {
        throw new BooksViolation("day " + day + ": energy of home " + home.homeId() + " " + home);
      }
      declared += home.declared() ? 1 : 0;
      produced += home.producedWh();
      consumed += home.consumedWh();
      given += home.givenWh();
      received += home.receivedWh();
      sold += home.soldWh();
      bought += home.boughtWh();
      wasted += home.wastedWh();
      shortfall += home.shortfallWh();
      paid += home.paidMicro();
      earned += home.earnedMicro();
    }
    if (given != received) {
      throw new BooksViolation(
          "day " + day + ": gifts given " + given + " Wh != gifts received " + received + " Wh");
    }
    long tradeSold = 0;
    long tradeBought = 0;
    long tradePaid = 0;
    long tradeEarned = 0;
    for (TradeRecord trade : trades) {
      switch (trade.side()) {
        case SELL -> {
          tradeSold += trade.amountWh();
          tradeEarned += trade.moneyMicro();
        }
        case BUY -> {
          tradeBought += trade.amountWh();
          tradePaid += trade.moneyMicro();
        }
      }
    }
    if (tradeSold != sold || tradeBought != bought) {
      throw new BooksViolation(
          "day "
              + day
              + ": trades sold/bought "
              + tradeSold
              + "/"
              + tradeBought
              + " Wh but homes' books say "
              + sold
              + "/"
              + bought
              + " Wh");
    }
    if (tradePaid != paid || tradeEarned != earned) {
      throw new BooksViolation(
          "day "
              + day
              + ": trades paid/earned "
              + tradePaid
              + "/"
              + tradeEarned
              + " micro-EUR but homes' books say "
              + paid
              + "/"
              + earned);
    }
    return new DayTotals(
        day, declared, produced, consumed, given, received, sold, bought, wasted, shortfall, paid,
        earned);
  }
}

package energy.market.server.day;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.model.Policy;
import energy.market.model.Side;
import energy.market.server.homes.Home;
import java.util.List;
import org.junit.jupiter.api.Test;

class HomeDayTest {
  private final TradeIds ids = new TradeIds(0);

  private static HomeDay day(Policy policy) {
    return new HomeDay(new Home(1, "h", policy, "x"), 1);
  }

  @Test
  void aHomeCannotSellMoreThanItsSurplusNorBuyMoreThanItsDeficit() {
    HomeDay seller = day(Policy.ALWAYS_SELL);
    seller.declare(50_000, 20_000);
    assertThrows(
        IllegalArgumentException.class, () -> seller.trade(Side.SELL, 30_001, 170_000, "a", ids));
    assertThrows(
        IllegalArgumentException.class, () -> seller.trade(Side.BUY, 1, 170_000, "b", ids));
    seller.trade(Side.SELL, 30_000, 170_000, "c", ids);
    assertEquals(0, seller.sellable());
  }

  @Test
  void tradingBeforeDeclaringIsAPreconditionFailure() {
    HomeDay home = day(Policy.ALWAYS_SELL);
    assertThrows(IllegalStateException.class, () -> home.trade(Side.SELL, 1, 170_000, "a", ids));
  }

  @Test
  void badAmountsAreRefused() {
    HomeDay home = day(Policy.ALWAYS_SELL);
    assertThrows(IllegalArgumentException.class, () -> home.declare(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> home.declare(0, Long.MAX_VALUE));
    home.declare(10_000, 0);
    assertThrows(IllegalArgumentException.class, () -> home.trade(Side.SELL, 0, 170_000, "a", ids));
    assertThrows(
        IllegalArgumentException.class, () -> home.trade(Side.SELL, -5, 170_000, "b", ids));
  }

  @Test
  void alwaysGiveWastesWhatNobodyClaimedAndCannotSell() {
    HomeDay home = day(Policy.ALWAYS_GIVE);
    home.declare(40_000, 10_000);
    home.offer(30_000);
    home.applyGifts(12_000, 0);
    assertThrows(IllegalArgumentException.class, () -> home.trade(Side.SELL, 1, 170_000, "a", ids));
    HomeDaySummary summary = home.summary();
    assertEquals(18_000, summary.returnedWh());
    assertEquals(18_000, summary.wastedWh());
    assertTrue(summary.energyBalances());
  }

  @Test
  void sellIfNoTakersSellsWhatCameBack() {
    HomeDay home = day(Policy.SELL_IF_NO_TAKERS);
    home.declare(40_000, 10_000);
    home.offer(30_000);
    home.applyGifts(12_000, 0);
    TradeRecord sale = home.trade(Side.SELL, 18_000, 200_000, "s", ids).record();
    assertEquals(3_600_000, sale.moneyMicro());
    HomeDaySummary summary = home.summary();
    assertEquals(0, summary.wastedWh());
    assertEquals(3_600_000, summary.earnedMicro());
    assertTrue(summary.energyBalances());
  }

  @Test
  void aRepeatedRequestIdReturnsTheEarlierTradeAndChangesNothing() {
    HomeDay home = day(Policy.ALWAYS_SELL);
    home.declare(0, 10_000);
    HomeDay.Executed first = home.trade(Side.BUY, 4_000, 170_000, "r1", ids);
    HomeDay.Executed again = home.trade(Side.BUY, 4_000, 170_000, "r1", ids);
    assertTrue(again.repeated());
    assertEquals(first.record(), again.record());
    assertEquals(6_000, home.buyable());
  }

  @Test
  void aHomeThatDidNotBuyEverythingShowsAShortfall() {
    HomeDay home = day(Policy.ALWAYS_SELL);
    home.declare(10_000, 30_000);
    home.claim(5_000);
    home.applyGifts(0, 5_000);
    home.trade(Side.BUY, 10_000, 170_000, "b", ids);
    HomeDaySummary summary = home.summary();
    assertEquals(5_000, summary.shortfallWh());
    assertTrue(summary.energyBalances());
  }

  @Test
  void theDaysBooksMustAgreeWithTheTradesRecorded() {
    HomeDay home = day(Policy.ALWAYS_SELL);
    home.declare(10_000, 0);
    TradeRecord sale = home.trade(Side.SELL, 10_000, 170_000, "s", ids).record();
    DayTotals totals = DayTotals.settle(1, List.of(home.summary()), List.of(sale));
    assertEquals(10_000, totals.soldWh());
    assertThrows(
        BooksViolation.class, () -> DayTotals.settle(1, List.of(home.summary()), List.of()));
  }

  @Test
  void aRestoredDayTakesItsOwnDeclarationAgainAndCountsItsKeptTradeOnce() {
    Home home = new Home(1, "h", Policy.SELL_IF_NO_TAKERS, "x");
    HomeDay restored =
        HomeDay.restored(home, 4, new Declaration(1, 50_000, 20_000, 30_000, 0, 10_000, 0, 20_000));
    TradeRecord kept = new TradeRecord(9, 1, 4, Side.SELL, 15_000, 170_000, 2_550_000, "h/4/sell");
    restored.restoreTrade(kept);

    restored.declare(50_000, 20_000); // the home resends its day after the restart
    assertThrows(IllegalStateException.class, () -> restored.declare(50_000, 21_000));
    assertEquals(30_000, restored.offer(30_000), "the matched offer stays as it was");
    assertThrows(IllegalStateException.class, () -> restored.applyGifts(1, 0));

    HomeDay.Executed again = restored.trade(Side.SELL, 15_000, 170_000, "h/4/sell", ids);
    assertTrue(again.repeated());
    assertEquals(kept, again.record());
    assertEquals(5_000, restored.sellable());
    TradeRecord rest = restored.trade(Side.SELL, 5_000, 170_000, "h/4/sell-rest", ids).record();

    HomeDaySummary summary = restored.summary();
    assertEquals(20_000, summary.soldWh());
    assertEquals(0, summary.wastedWh());
    assertEquals(10_000, summary.givenWh());
    HomeDay taker =
        HomeDay.restored(
            new Home(5, "taker", Policy.ALWAYS_SELL, "y"),
            4,
            new Declaration(5, 0, 10_000, 0, 10_000, 0, 10_000, 0));
    DayTotals totals = DayTotals.settle(4, List.of(summary, taker.summary()), List.of(kept, rest));
    assertEquals(20_000, totals.soldWh());
    assertEquals(10_000, totals.receivedWh());
  }

  @Test
  void aRestoredDayWhoseHomeNeverCameBackSettlesWithBalancedBooks() {
    Home home = new Home(2, "gone", Policy.ALWAYS_SELL, "x");
    HomeDay restored =
        HomeDay.restored(home, 7, new Declaration(2, 5_000, 25_000, 0, 20_000, 0, 12_000, 0));
    TradeRecord kept = new TradeRecord(3, 2, 7, Side.BUY, 6_000, 200_000, 1_200_000, "gone/7/buy");
    restored.restoreTrade(kept);
    HomeDaySummary summary = restored.summary();
    assertTrue(summary.energyBalances(), summary.toString());
    assertEquals(2_000, summary.shortfallWh());
    assertEquals(1_200_000, summary.paidMicro());
    HomeDay giver =
        HomeDay.restored(
            new Home(6, "giver", Policy.ALWAYS_GIVE, "y"),
            7,
            new Declaration(6, 12_000, 0, 12_000, 0, 12_000, 0, 0));
    assertEquals(
        6_000, DayTotals.settle(7, List.of(summary, giver.summary()), List.of(kept)).boughtWh());
    assertThrows(
        IllegalArgumentException.class,
        () -> HomeDay.restored(home, 7, new Declaration(3, 5_000, 25_000, 0, 0, 0, 0, 0)),
        "another home's declaration");
  }
}

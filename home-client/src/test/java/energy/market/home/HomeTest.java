package energy.market.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import energy.market.model.Policy;
import energy.market.model.Side;
import org.junit.jupiter.api.Test;

class HomeTest {

  private static Home home(Policy policy) {
    Home home = new Home("h", policy, "secret-of-home-h");
    home.registered(1);
    return home;
  }

  @Test
  void alwaysSellOffersNothingAndSellsItsWholeSurplus() {
    Home home = home(Policy.ALWAYS_SELL);
    GiftPlan plan = home.startDay(1, 18, new EnergyDraw(50_000, 20_000));
    assertEquals(0, plan.offerWh());
    assertEquals(0, plan.claimWh());
    TradeIntent sell = home.tradeIntent();
    assertEquals(Side.SELL, sell.side());
    assertEquals(30_000, sell.amountWh());
    assertEquals("h/1/sell", sell.requestId());
  }

  @Test
  void alwaysGiveOffersItsSurplusAndNeverSells() {
    Home home = home(Policy.ALWAYS_GIVE);
    assertEquals(30_000, home.startDay(1, 18, new EnergyDraw(50_000, 20_000)).offerWh());
    home.giftsSettled(10_000, 0);
    assertNull(home.tradeIntent());
  }

  @Test
  void sellIfNoTakersSellsWhatNobodyClaimed() {
    Home home = home(Policy.SELL_IF_NO_TAKERS);
    assertEquals(30_000, home.startDay(1, 18, new EnergyDraw(50_000, 20_000)).offerWh());
    home.giftsSettled(12_000, 0);
    assertEquals(18_000, home.tradeIntent().amountWh());
  }

  @Test
  void aShortHomeClaimsGiftsFirstThenBuysTheRest() {
    Home home = home(Policy.ALWAYS_GIVE);
    GiftPlan plan = home.startDay(2, 18, new EnergyDraw(10_000, 35_000));
    assertEquals(25_000, plan.claimWh());
    home.giftsSettled(0, 20_000);
    TradeIntent buy = home.tradeIntent();
    assertEquals(Side.BUY, buy.side());
    assertEquals(5_000, buy.amountWh());
    home.traded(Side.BUY, 5_000, 850_000);
    assertEquals(-850_000, home.balanceMicro());
  }

  @Test
  void aDayTheMarketRunsAgainCountsItsReceiptsOnce() {
    Home home = home(Policy.ALWAYS_SELL);
    home.startDay(1, 18, new EnergyDraw(30_000, 10_000));
    home.traded(Side.SELL, 20_000, 3_400_000);
    home.startDay(2, 18, new EnergyDraw(30_000, 10_000));
    home.traded(Side.SELL, 20_000, 3_400_000);
    // The market restarted during day 2: same day again, same receipt again.
    home.startDay(2, 18, new EnergyDraw(30_000, 10_000));
    home.traded(Side.SELL, 20_000, 3_400_000);
    assertEquals(6_800_000, home.balanceMicro());
  }
}

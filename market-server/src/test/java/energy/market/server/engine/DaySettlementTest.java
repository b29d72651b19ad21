package energy.market.server.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.model.EventKind;
import energy.market.model.Policy;
import energy.market.model.Side;
import energy.market.server.day.Account;
import energy.market.server.day.BooksViolation;
import energy.market.server.day.HomeDay;
import energy.market.server.day.TradeIds;
import energy.market.server.day.TradeRecord;
import energy.market.server.homes.Home;
import energy.market.server.ledger.ClosedDay;
import energy.market.server.price.ActiveEffect;
import energy.market.server.price.EventSpec;
import energy.market.server.price.MarketEventRecord;
import energy.market.server.price.PriceInputs;
import energy.market.server.price.PriceModel;
import energy.market.server.price.PriceParameters;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DaySettlementTest {
  private static final long DAY = 4;
  private static final long PRICE = 170_000;
  private static final Instant CLOSED_AT = Instant.parse("2026-01-01T00:00:00Z");
  private final PriceModel model = new PriceModel(PriceParameters.DEFAULTS);
  private final TradeIds ids = new TradeIds(0);

  /** A seller and a buyer that traded on the market, the weather reported. */
  private DayState tradedDay() {
    DayState state = new DayState(DAY, PRICE, 10);
    state.reportWeather(-2);
    HomeDay seller = new HomeDay(new Home(2, "seller", Policy.ALWAYS_SELL, "hash"), DAY);
    HomeDay buyer = new HomeDay(new Home(1, "buyer", Policy.ALWAYS_SELL, "hash"), DAY);
    state.addHome(seller);
    state.addHome(buyer);
    seller.declare(30_000, 10_000);
    buyer.declare(0, 8_000);
    state.recordTrades(
        List.of(
            seller.trade(Side.SELL, 20_000, PRICE, "s", ids).record(),
            buyer.trade(Side.BUY, 8_000, PRICE, "b", ids).record()));
    return state;
  }

  @Test
  void aBalancedDayMovesThePriceByTheModelAndAddsToEveryAccount() {
    HomeDay yesterday = new HomeDay(new Home(1, "buyer", Policy.ALWAYS_SELL, "hash"), DAY - 1);
    yesterday.declare(5_000, 5_000);
    Account before = Account.empty(1).plus(yesterday.summary());
    ClosedDay closed =
        DaySettlement.settle(tradedDay(), Map.of(1L, before), List.of(), model, CLOSED_AT);

    long expected = model.next(PRICE, new PriceInputs(8_000, 20_000, 2, -2, 0)).priceMicro();
    assertEquals(DAY, closed.tick().day());
    assertEquals(expected, closed.tick().priceMicro());
    assertEquals(expected - PRICE, closed.tick().changeMicro());
    assertEquals(-2, closed.tick().temperatureCelsius());
    assertFalse(closed.tick().weatherStale());
    assertEquals(CLOSED_AT, closed.tick().closedAt());
    assertEquals(8_000, closed.totals().boughtWh());
    assertEquals(20_000, closed.totals().soldWh());
    assertEquals(List.of(1L, 2L), closed.homes().stream().map(h -> h.homeId()).toList());
    assertEquals(before.plus(closed.homes().get(0)), closed.accounts().get(0));
    assertEquals(Account.empty(2).plus(closed.homes().get(1)), closed.accounts().get(1));
  }

  @Test
  void eventsMoveTheCloseByExactlyTheSumOfTheirEffects() {
    ClosedDay without = DaySettlement.settle(tradedDay(), Map.of(), List.of(), model, CLOSED_AT);
    List<ActiveEffect> effects = List.of(effect("storm", 3_000), effect("war", 4_500));

    ClosedDay with = DaySettlement.settle(tradedDay(), Map.of(), effects, model, CLOSED_AT);

    assertEquals(without.tick().priceMicro() + 7_500, with.tick().priceMicro());
    assertEquals(effects, with.tick().events());
  }

  @Test
  void aDayWithoutWeatherKeepsThePreviousTemperatureAndSaysSo() {
    DayState state = new DayState(DAY, PRICE, 21.5);

    ClosedDay closed = DaySettlement.settle(state, Map.of(), List.of(), model, CLOSED_AT);

    assertTrue(closed.tick().weatherStale());
    assertEquals(21.5, closed.tick().temperatureCelsius());
    assertTrue(closed.homes().isEmpty());
  }

  @Test
  void aTradeNoHomeAccountsForBreaksTheBooks() {
    DayState state = tradedDay();
    state.recordTrades(
        List.of(new TradeRecord(99, 2, DAY, Side.SELL, 1_000, PRICE, 170_000, "ghost")));

    assertThrows(
        BooksViolation.class,
        () -> DaySettlement.settle(state, Map.of(), List.of(), model, CLOSED_AT));
  }

  private static ActiveEffect effect(String id, long micro) {
    return new ActiveEffect(
        new MarketEventRecord(id, EventKind.STORM, DAY, new EventSpec(micro, 1), "test", CLOSED_AT),
        1,
        micro);
  }
}

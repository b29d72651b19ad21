package energy.market.server;

import static energy.market.server.SessionMessages.order;
import static energy.market.server.SessionMessages.orders;
import static energy.market.server.SessionMessages.reports;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.Account;
import energy.market.api.v1.GetAccountRequest;
import energy.market.api.v1.GiftResults;
import energy.market.api.v1.HomeDayReport;
import energy.market.api.v1.Phase;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.RegisterResponse;
import energy.market.api.v1.SessionEvent;
import energy.market.api.v1.TradePolicy;
import energy.market.api.v1.TradeReceipt;
import energy.market.api.v1.TradeRequest;
import energy.market.api.v1.TradeResults;
import energy.market.api.v1.TradeSide;
import energy.market.server.clock.Pace;
import energy.market.server.engine.MarketSettings;
import energy.market.server.ledger.ResumeState;
import energy.market.server.ledger.RunParameters;
import energy.market.server.ledger.SqliteLedger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A market stopped in the middle of TRADE resumes the day from its ledger: the homes that come back
 * resend their day and get their receipts again, a home that never comes back still settles with
 * the gifts and the trade it had, and the books balance.
 */
class MarketResumeTest {
  @TempDir Path dir;

  private SqliteLedger ledger(MarketSettings settings) throws Exception {
    return SqliteLedger.open(
        dir.resolve(SqliteLedger.FILE_NAME),
        new RunParameters(settings.seed(), settings.price(), settings.events()),
        Clock.systemUTC());
  }

  @Test
  void aDayInterruptedDuringTradeReRunsWithItsGiftsAndTradesCountedOnce() throws Exception {
    MarketSettings settings = TestMarket.settings(Pace.fast(Duration.ofSeconds(20)), 1);
    RegisterResponse stays;
    RegisterResponse gone;
    RegisterResponse giver;
    TradeReceipt sold;
    TradeReceipt bought;
    try (TestMarket market = new TestMarket(settings, ledger(settings))) {
      stays = market.register("stays", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
      gone = market.register("gone", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
      giver = market.register("giver", TradePolicy.TRADE_POLICY_ALWAYS_GIVE);
      TestSession staysSession = market.connect(stays);
      TestSession goneSession = market.connect(gone);
      TestSession giverSession = market.connect(giver);
      market.startClock();

      staysSession.awaitPhase(Phase.PHASE_GIFT);
      staysSession.send(reports(1, report(stays, 50_000, 10_000, 0, 0)));
      goneSession.awaitPhase(Phase.PHASE_GIFT);
      goneSession.send(reports(1, report(gone, 5_000, 35_000, 0, 30_000)));
      giverSession.awaitPhase(Phase.PHASE_GIFT);
      giverSession.send(reports(1, report(giver, 30_000, 10_000, 20_000, 0)));
      GiftResults gifts = goneSession.await(SessionEvent::hasGiftResults).getGiftResults();
      assertEquals(20_000, gifts.getResults(0).getReceivedWh());

      staysSession.awaitPhase(Phase.PHASE_TRADE);
      staysSession.send(orders(1, order(stays, TradeSide.TRADE_SIDE_SELL, 40_000, "stays/1/sell")));
      TradeResults results = staysSession.await(SessionEvent::hasTradeResults).getTradeResults();
      sold = results.getReceipts(0);
      bought =
          market
              .homeMarket()
              .trade(
                  TradeRequest.newBuilder()
                      .setHomeId(gone.getHomeId())
                      .setDay(1)
                      .setSide(TradeSide.TRADE_SIDE_BUY)
                      .setAmountWh(4_000)
                      .setRequestId("gone/1/buy")
                      .build());
      // The giver and the buyer never finish TRADE: the market stops with the day open (its
      // engine first, so that no session leaving in the meantime ends the phase).
      market.engine.close();
    }

    try (SqliteLedger ledger = ledger(settings)) {
      ResumeState state = ledger.resumeState();
      assertEquals(0, state.lastClosedDay());
      assertEquals(3, state.openDayHomes().size());
      assertEquals(2, state.openDayTrades().size());

      try (TestMarket market = new TestMarket(settings, ledger, state)) {
        // Only two of the three homes come back.
        TestSession staysSession = market.connect(stays);
        TestSession giverSession = market.connect(giver);
        market.startClock();
        assertEquals(1, staysSession.awaitPhase(Phase.PHASE_GIFT));
        staysSession.send(reports(1, report(stays, 50_000, 10_000, 0, 0)));
        giverSession.awaitPhase(Phase.PHASE_GIFT);
        giverSession.send(reports(1, report(giver, 30_000, 10_000, 20_000, 0)));
        GiftResults kept = giverSession.await(SessionEvent::hasGiftResults).getGiftResults();
        assertEquals(20_000, kept.getResults(0).getGivenWh(), "the gifts matched before");

        staysSession.awaitPhase(Phase.PHASE_TRADE);
        staysSession.send(
            orders(1, order(stays, TradeSide.TRADE_SIDE_SELL, 40_000, "stays/1/sell")));
        TradeResults again = staysSession.await(SessionEvent::hasTradeResults).getTradeResults();
        assertEquals(List.of(sold), again.getReceiptsList(), "the same receipt, not a new trade");
        giverSession.awaitPhase(Phase.PHASE_TRADE);
        giverSession.send(orders(1));

        PriceTick tick = staysSession.await(SessionEvent::hasDayClosed).getDayClosed();
        assertEquals(1, tick.getDay());
        assertEquals(3, tick.getHomes());
        assertEquals(40_000, tick.getSoldWh());
        assertEquals(4_000, tick.getBoughtWh());
        assertEquals(20_000, tick.getGivenWh());

        Account goneAccount =
            market
                .operatorMarket()
                .getAccount(GetAccountRequest.newBuilder().setName("gone").build());
        assertEquals(4_000, goneAccount.getBoughtWh());
        assertEquals(20_000, goneAccount.getReceivedWh());
        assertEquals(6_000, goneAccount.getShortfallWh());
        assertEquals(-bought.getMoneyMicroEur(), goneAccount.getBalanceMicroEur());
        assertEquals(1, goneAccount.getDays());
        Account staysAccount =
            market
                .operatorMarket()
                .getAccount(GetAccountRequest.newBuilder().setName("stays").build());
        assertEquals(sold.getMoneyMicroEur(), staysAccount.getBalanceMicroEur());
        assertTrue(market.engine.finished().get().equals(1L));
      }
    }
    try (SqliteLedger ledger = ledger(settings)) {
      assertEquals(1, ledger.resumeState().lastClosedDay());
      assertTrue(ledger.resumeState().openDay().isEmpty());
      assertEquals(bought.getTradeId(), Math.max(sold.getTradeId(), bought.getTradeId()));
      assertEquals(2, ledger.resumeState().lastTradeId());
    }
  }

  private static HomeDayReport report(
      RegisterResponse home, long produced, long consumed, long offer, long claim) {
    return HomeDayReport.newBuilder()
        .setHomeId(home.getHomeId())
        .setProducedWh(produced)
        .setConsumedWh(consumed)
        .setOfferWh(offer)
        .setClaimWh(claim)
        .build();
  }
}

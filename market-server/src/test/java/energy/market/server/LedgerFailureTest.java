package energy.market.server;

import static energy.market.server.SessionMessages.report;
import static energy.market.server.SessionMessages.reports;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import energy.market.api.v1.Phase;
import energy.market.api.v1.RegisterRequest;
import energy.market.api.v1.RegisterResponse;
import energy.market.api.v1.TradePolicy;
import energy.market.api.v1.TradeRequest;
import energy.market.api.v1.TradeSide;
import energy.market.server.clock.Pace;
import energy.market.server.day.TradeRecord;
import energy.market.server.ledger.ClosedDay;
import energy.market.server.ledger.LedgerDouble;
import energy.market.server.ledger.LedgerException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A ledger that cannot write stops the market: nothing unkept is acknowledged. */
class LedgerFailureTest {

  /** Keeps registrations and gifts, then fails on trades or on the day's close. */
  private static final class BrokenLedger extends LedgerDouble {
    private final boolean tradesFail;

    BrokenLedger(boolean tradesFail) {
      this.tradesFail = tradesFail;
    }

    @Override
    public void tradesExecuted(List<TradeRecord> trades) {
      if (tradesFail && !trades.isEmpty()) {
        throw new LedgerException("disk full");
      }
    }

    @Override
    public void dayClosed(ClosedDay day) {
      throw new LedgerException("disk full");
    }
  }

  @Test
  void aTradeThatCannotBeKeptIsRefusedAsUnavailableAndTheMarketStops() throws Exception {
    try (TestMarket market =
        new TestMarket(
            TestMarket.settings(Pace.fast(Duration.ofSeconds(10)), 5), new BrokenLedger(true))) {
      RegisterResponse home = register(market);
      TestSession session = market.connect(home);
      market.startClock();
      session.awaitPhase(Phase.PHASE_GIFT);
      session.send(reports(1, report(home, 0, 5_000)));
      session.awaitPhase(Phase.PHASE_TRADE);
      StatusRuntimeException refused =
          assertThrows(
              StatusRuntimeException.class,
              () ->
                  market
                      .homeMarket()
                      .trade(
                          TradeRequest.newBuilder()
                              .setHomeId(home.getHomeId())
                              .setDay(1)
                              .setSide(TradeSide.TRADE_SIDE_BUY)
                              .setAmountWh(1_000)
                              .setRequestId("r")
                              .build()));
      assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode());
      assertStopped(market);
    }
  }

  @Test
  void aDayThatCannotBeKeptIsNotPublishedAndTheMarketStops() throws Exception {
    try (TestMarket market =
        new TestMarket(
            TestMarket.settings(Pace.fast(Duration.ofSeconds(10)), 5), new BrokenLedger(false))) {
      market.startClock();
      assertStopped(market);
      assertEquals(null, market.engine.ticks().latest(), "no tick published");
    }
  }

  private static void assertStopped(TestMarket market) throws Exception {
    ExecutionException stopped =
        assertThrows(
            ExecutionException.class, () -> market.engine.finished().get(10, TimeUnit.SECONDS));
    assertInstanceOf(LedgerException.class, stopped.getCause());
  }

  private static RegisterResponse register(TestMarket market) {
    return market
        .market()
        .register(
            RegisterRequest.newBuilder()
                .setName("h")
                .setPolicy(TradePolicy.TRADE_POLICY_ALWAYS_SELL)
                .setSecret(TestMarket.SECRET)
                .build());
  }
}

package energy.market.server.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.Account;
import energy.market.api.v1.DayReports;
import energy.market.api.v1.GetAccountRequest;
import energy.market.api.v1.HomeDayReport;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.Phase;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.RegisterRequest;
import energy.market.api.v1.RegisterResponse;
import energy.market.api.v1.SessionHello;
import energy.market.api.v1.SessionRequest;
import energy.market.api.v1.TradeOrders;
import energy.market.api.v1.TradePolicy;
import energy.market.api.v1.TradeReceipt;
import energy.market.api.v1.TradeRequest;
import energy.market.api.v1.TradeSide;
import energy.market.server.TestMarket;
import energy.market.server.TestSession;
import energy.market.server.clock.Pace;
import energy.market.server.ledger.GatedTradesLedger;
import energy.market.server.ledger.HeldCommitsLedger;
import energy.market.testing.Await;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The bounded trade executor seen through the Trade RPC, under a flood. */
class TradeFloodTest {
  /** What the trades of a flood got back: receipts, refusals, other errors. */
  private static final class Answers {
    final ConcurrentLinkedQueue<TradeReceipt> receipts = new ConcurrentLinkedQueue<>();
    final AtomicInteger exhausted = new AtomicInteger();
    final AtomicInteger otherErrors = new AtomicInteger();
    final CountDownLatch answered;

    Answers(int trades) {
      answered = new CountDownLatch(trades);
    }

    /** Counts one trade's answer. */
    StreamObserver<TradeReceipt> observer() {
      return new StreamObserver<>() {
        @Override
        public void onNext(TradeReceipt receipt) {
          receipts.add(receipt);
        }

        @Override
        public void onError(Throwable t) {
          if (Status.fromThrowable(t).getCode() == Status.Code.RESOURCE_EXHAUSTED) {
            exhausted.incrementAndGet();
          } else {
            otherErrors.incrementAndGet();
          }
          answered.countDown();
        }

        @Override
        public void onCompleted() {
          answered.countDown();
        }
      };
    }
  }

  @Test
  void tradesBeyondThoseAwaitingTheirCommitAreRefusedAtOnceWhenTheLedgerNeverWaits()
      throws Exception {
    HeldCommitsLedger ledger = new HeldCommitsLedger();
    int awaitingLimit = 8_192; // TradeDesk.MAX_UNCOMMITTED_TRADES
    int beyond = 100;
    try (TestMarket market =
        new TestMarket(TestMarket.settings(Pace.fast(Duration.ofSeconds(60)), 1, 4, 8), ledger)) {
      RegisterResponse home =
          market
              .market()
              .register(
                  RegisterRequest.newBuilder()
                      .setName("buyer")
                      .setPolicy(TradePolicy.TRADE_POLICY_ALWAYS_SELL)
                      .setSecret(TestMarket.SECRET)
                      .build());
      TestSession session =
          TestSession.connect(
              market.channel,
              TestMarket.HOME,
              SessionRequest.newBuilder()
                  .setHello(SessionHello.newBuilder().addHomeIds(home.getHomeId()))
                  .build());
      session.await(event -> event.hasWelcome());
      market.startClock();
      session.awaitPhase(Phase.PHASE_GIFT);
      session.send(
          SessionRequest.newBuilder()
              .setDayReports(
                  DayReports.newBuilder()
                      .setDay(1)
                      .addReports(
                          HomeDayReport.newBuilder()
                              .setHomeId(home.getHomeId())
                              .setProducedWh(0)
                              .setConsumedWh(1_000_000)))
              .build());
      session.awaitPhase(Phase.PHASE_TRADE);

      Answers answers = new Answers(awaitingLimit + beyond);
      MarketGrpc.MarketStub stub =
          MarketGrpc.newStub(market.channel).withCallCredentials(TestMarket.HOME);
      for (int i = 0; i < awaitingLimit + beyond; i++) {
        stub.withDeadlineAfter(60, TimeUnit.SECONDS)
            .trade(
                TradeRequest.newBuilder()
                    .setHomeId(home.getHomeId())
                    .setDay(1)
                    .setSide(TradeSide.TRADE_SIDE_BUY)
                    .setAmountWh(1)
                    .setRequestId("buy-" + i)
                    .build(),
                answers.observer());
      }
      Await.until(
          "the trades beyond those awaiting their commit are refused while the commit is held",
          () -> answers.exhausted.get() + answers.otherErrors.get() >= beyond,
          Await.LONG);
      assertEquals(awaitingLimit, ledger.held(), "the others wait for the held commit");
      assertEquals(0, answers.receipts.size(), "no receipt before its commit");
      ledger.release();
      assertTrue(answers.answered.await(60, TimeUnit.SECONDS));
      assertEquals(0, answers.otherErrors.get());
      assertEquals(beyond, answers.exhausted.get());
      assertEquals(awaitingLimit, answers.receipts.size());
    }
  }

  @Test
  void tradesBeyondTheQueueAreRejectedWithResourceExhaustedAndNothingAcceptedIsLost()
      throws Exception {
    GatedTradesLedger ledger = new GatedTradesLedger();
    int homes = 200;
    try (TestMarket market =
        new TestMarket(TestMarket.settings(Pace.fast(Duration.ofSeconds(20)), 1, 4, 8), ledger)) {
      List<RegisterResponse> registered = new ArrayList<>();
      SessionHello.Builder hello = SessionHello.newBuilder();
      DayReports.Builder reports = DayReports.newBuilder().setDay(1);
      for (int i = 0; i < homes; i++) {
        RegisterResponse home =
            market
                .market()
                .register(
                    RegisterRequest.newBuilder()
                        .setName("home-" + i)
                        .setPolicy(TradePolicy.TRADE_POLICY_ALWAYS_SELL)
                        .setSecret(TestMarket.SECRET)
                        .build());
        registered.add(home);
        hello.addHomeIds(home.getHomeId());
        reports.addReports(
            HomeDayReport.newBuilder()
                .setHomeId(home.getHomeId())
                .setProducedWh(0)
                .setConsumedWh(10_000));
      }
      TestSession session =
          TestSession.connect(
              market.channel, TestMarket.HOME, SessionRequest.newBuilder().setHello(hello).build());
      session.await(event -> event.hasWelcome());
      market.startClock();
      session.awaitPhase(Phase.PHASE_GIFT);
      session.send(SessionRequest.newBuilder().setDayReports(reports).build());
      session.awaitPhase(Phase.PHASE_TRADE);

      Answers answers = new Answers(homes);
      MarketGrpc.MarketStub stub =
          MarketGrpc.newStub(market.channel).withCallCredentials(TestMarket.HOME);
      for (RegisterResponse home : registered) {
        stub.withDeadlineAfter(20, TimeUnit.SECONDS)
            .trade(
                TradeRequest.newBuilder()
                    .setHomeId(home.getHomeId())
                    .setDay(1)
                    .setSide(TradeSide.TRADE_SIDE_BUY)
                    .setAmountWh(1_000)
                    .setRequestId("flood")
                    .build(),
                answers.observer());
      }
      // While the gate is shut, 4 trades run and 8 wait: every later one must be refused at once.
      Await.until(
          "the flood beyond 4 + 8 is refused while the ledger holds the first trades",
          () -> answers.exhausted.get() + answers.otherErrors.get() >= homes - 12,
          Await.SHORT);
      ledger.open();
      assertTrue(answers.answered.await(30, TimeUnit.SECONDS));
      assertEquals(0, answers.otherErrors.get());
      assertTrue(answers.exhausted.get() > 0, "a flood of " + homes + " beyond 4 + 8 is refused");
      assertEquals(homes, answers.receipts.size() + answers.exhausted.get());
      assertTrue(ledger.mostWaiting() <= 4, "at most 4 at once, saw " + ledger.mostWaiting());

      session.send(
          SessionRequest.newBuilder().setTradeOrders(TradeOrders.newBuilder().setDay(1)).build());
      PriceTick tick = session.await(event -> event.hasDayClosed()).getDayClosed();
      long accepted = answers.receipts.size();
      assertEquals(accepted * 1_000, tick.getBoughtWh(), "every receipt is in the day's books");
      assertEquals(accepted, ledger.recorded().size(), "every receipt was recorded once");
      long bought = 0;
      for (RegisterResponse home : registered) {
        Account account =
            market
                .operatorMarket()
                .getAccount(GetAccountRequest.newBuilder().setHomeId(home.getHomeId()).build());
        bought += account.getBoughtWh();
      }
      assertEquals(accepted * 1_000, bought);
    }
  }
}

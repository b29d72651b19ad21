package energy.market.server.engine;

import static energy.market.server.SessionMessages.report;
import static energy.market.server.SessionMessages.reports;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.Phase;
import energy.market.api.v1.RegisterResponse;
import energy.market.api.v1.SessionRequest;
import energy.market.api.v1.TradeOrders;
import energy.market.api.v1.TradePolicy;
import energy.market.server.TestMarket;
import energy.market.server.TestSession;
import energy.market.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@code market --verbose} (FINE on the market's loggers) tells: every phase and session. */
class VerboseLogTest {
  private final Logger engine = Logger.getLogger("energy.market.server.engine");
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          lines.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Level previous;

  @BeforeEach
  void listen() {
    previous = engine.getLevel();
    engine.setLevel(Level.FINE);
    capture.setLevel(Level.FINE);
    engine.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    engine.removeHandler(capture);
    engine.setLevel(previous);
  }

  @Test
  void everyPhaseBeginningAndEndAndEverySessionJoiningAndLeavingIsLogged() throws Exception {
    try (TestMarket market = TestMarket.fast(Duration.ofSeconds(10), 1)) {
      RegisterResponse home = market.register("alice", TradePolicy.TRADE_POLICY_ALWAYS_SELL);
      TestSession session = market.connect(home);
      market.startClock();
      session.awaitPhase(Phase.PHASE_GIFT);
      session.send(reports(1, report(home, 1_000, 1_000)));
      session.awaitPhase(Phase.PHASE_TRADE);
      session.send(
          SessionRequest.newBuilder().setTradeOrders(TradeOrders.newBuilder().setDay(1)).build());
      session.await(event -> event.hasDayClosed());
      session.leave();

      Await.until("the session's leaving logged", () -> has("left;"), Await.SHORT);
      assertTrue(
          has("session 1 (homes, test) joined with homes [" + home.getHomeId() + "]"), "" + lines);
      for (String phase : List.of("OPEN", "GIFT", "TRADE", "CLOSE")) {
        assertTrue(has("day 1 " + phase + " began"), phase + " began: " + lines);
        assertTrue(has("day 1 " + phase + " ended"), phase + " ended: " + lines);
      }
      assertTrue(has("day 1 GIFT began: waiting for 1 session"), "" + lines);
    }
  }

  private boolean has(String fragment) {
    return lines.stream().anyMatch(line -> line.contains(fragment));
  }
}

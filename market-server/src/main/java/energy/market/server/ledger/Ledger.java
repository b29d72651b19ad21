package energy.market.server.ledger;

import energy.market.server.day.TradeRecord;
import energy.market.server.homes.Home;
import energy.market.server.price.MarketEventRecord;
import java.util.List;

/**
 * The market's books. Each method returns only once what it was given is kept, so the market
 * acknowledges nothing (a receipt, a registration, an event) before it is recorded.
 */
public interface Ledger extends AutoCloseable {

  /** A home registered. */
  void homeRegistered(Home home);

  /** Trades executed; called from trade threads, possibly concurrently. */
  void tradesExecuted(List<TradeRecord> trades);

  /** An event was accepted. */
  void eventAccepted(MarketEventRecord event);

  /** A day closed: its tick, totals, home days and accounts, all at once. */
  void dayClosed(ClosedDay day);

  @Override
  void close();

  /** A ledger that keeps nothing beyond the market's memory. */
  Ledger IN_MEMORY =
      new Ledger() {
        @Override
        public void homeRegistered(Home home) {}

        @Override
        public void tradesExecuted(List<TradeRecord> trades) {}

        @Override
        public void eventAccepted(MarketEventRecord event) {}

        @Override
        public void dayClosed(ClosedDay day) {}

        @Override
        public void close() {}
      };
}

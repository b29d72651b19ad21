package energy.market.server.ledger;

import energy.market.server.day.TradeRecord;
import energy.market.server.homes.Home;
import energy.market.server.price.MarketEventRecord;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The base of a test's ledger: every call goes to {@link Ledger#IN_MEMORY}, which keeps nothing, so
 * that a double overrides only the calls it holds or breaks.
 *
 * <p>{@link #tradesKept} is left to {@link Ledger}'s default on purpose: it then goes through this
 * ledger's {@link #tradesExecuted}, and so through a double's override of it.
 */
public abstract class LedgerDouble implements Ledger {

  @Override
  public CompletableFuture<Void> homesRegistered(List<Home> homes) {
    return IN_MEMORY.homesRegistered(homes);
  }

  @Override
  public void tradesExecuted(List<TradeRecord> trades) {
    IN_MEMORY.tradesExecuted(trades);
  }

  @Override
  public void eventAccepted(MarketEventRecord event) {
    IN_MEMORY.eventAccepted(event);
  }

  @Override
  public void giftsMatched(OpenDay day) {
    IN_MEMORY.giftsMatched(day);
  }

  @Override
  public void dayClosed(ClosedDay day) {
    IN_MEMORY.dayClosed(day);
  }

  @Override
  public void close() {
    IN_MEMORY.close();
  }
}

package energy.market.server.engine;

import energy.market.server.day.Account;
import energy.market.server.day.GiftOutcome;
import energy.market.server.day.TradeRecord;
import energy.market.server.feed.Tick;
import java.util.List;

/**
 * What the market tells a session; implemented at the transport edge. Calls come from the market's
 * thread only, so they are never concurrent for one sink.
 */
public interface SessionSink {
  /** The session was accepted. */
  void welcome(List<Long> homeIds, long firstDay);

  /** A phase began. */
  void phaseStarted(PhaseInfo phase);

  /** The broker's results for the session's homes. */
  void giftResults(long day, List<GiftOutcome> outcomes);

  /** The outcome of the session's trade orders. */
  void tradeResults(long day, List<TradeRecord> receipts, List<TradeRejection> rejections);

  /**
   * The money balance of each of the session's homes after the close of {@code day}; sent once,
   * just before the first {@link #dayClosed} the session sees, so that a client that missed results
   * (a broken stream, a restarted market) can set its books from the market's.
   */
  void balances(long day, List<Account> accounts);

  /** The day closed. */
  void dayClosed(Tick tick);

  /** The market ends the session (for example: its homes were taken over or dropped). */
  void end(String reason);
}

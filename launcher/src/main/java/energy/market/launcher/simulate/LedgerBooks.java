package energy.market.launcher.simulate;

import energy.market.launcher.model.DayRecord;
import energy.market.server.ledger.SqliteLedger;
import energy.market.server.ledger.UnusableLedgerException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * What a run's results hold, read from its market's ledger once every child has stopped: the closed
 * days and the homes' accounts, from one look at the file (checking it takes about a second for a
 * year of 10,000 homes, so it is done once).
 *
 * <p>The ledger, not the price feed, is what the results follow: a market killed between a day's
 * commit and its tick, or closing days while a run that lost a child is being stopped, has kept
 * days the feed never delivered, and prices.csv and run.json must hold the same days as ledger.db.
 * The market need not answer for the accounts while it is being stopped either.
 *
 * @param days the closed days up to the run's last
 * @param accounts the homes' accounts, or null when there is no readable ledger
 */
record LedgerBooks(List<DayRecord> days, LedgerAccounts.Found accounts) {
  /**
   * The books of a run whose children have stopped; without a readable ledger (the market never
   * started, or left no books) the days the feed showed, no accounts, and one line on {@code out}
   * when there was a file that could not be read.
   */
  static LedgerBooks forResults(
      Path ledger,
      long lastDay,
      Collection<DayRecord> feedDays,
      List<String> homeNames,
      PrintWriter out) {
    if (!Files.isRegularFile(ledger)) {
      return new LedgerBooks(List.copyOf(feedDays), null);
    }
    try {
      SqliteLedger.Books books = SqliteLedger.books(ledger);
      return new LedgerBooks(
          LedgerDays.upTo(books.closedDays(), lastDay),
          LedgerAccounts.of(books.accounts(), homeNames));
    } catch (UnusableLedgerException e) {
      out.println(
          "the results hold the days the price feed showed, and no accounts: " + e.getMessage());
      out.flush();
      return new LedgerBooks(List.copyOf(feedDays), null);
    }
  }
}

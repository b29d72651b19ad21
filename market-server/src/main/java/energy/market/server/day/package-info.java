/**
 * One simulated day's books: each home's declaration, gifts and trades, the broker's matching, and
 * the checks that the books balance when the day closes.
 */
package energy.market.server.day;

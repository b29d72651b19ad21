/** Where the market's books are kept: registrations, trades, events and closed days. */
package energy.market.server.ledger;

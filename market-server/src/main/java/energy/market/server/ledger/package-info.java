/**
 * Where the market's books are kept: registrations, trades, events, each open day's gifts and every
 * closed day. {@link energy.market.server.ledger.SqliteLedger} keeps them durably in an SQLite file
 * (a receipt is sent only once its trade is committed) and gives back a {@link
 * energy.market.server.ledger.ResumeState} from which a restarted market goes on.
 */
package energy.market.server.ledger;

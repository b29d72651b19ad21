/** The bounded executor every trade runs on. */
package energy.market.server.trade;

/**
 * Client-side pieces every process that talks to the market shares: the market's address, the
 * operator token, reconnect backoff and the daemon session that follows the day clock.
 */
package energy.market.client;

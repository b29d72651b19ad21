/**
 * The price model: mean reversion, net demand, weather and external events, in exact micro-euros
 * per kWh.
 */
package energy.market.server.price;

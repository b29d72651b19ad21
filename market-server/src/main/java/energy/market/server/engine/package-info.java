/**
 * The market itself: the day loop that ties the clock, the homes, the broker, the trade executor,
 * the price model and the feeds together, on one thread of its own.
 */
package energy.market.server.engine;

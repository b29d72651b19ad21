/** Feeds that replay their history from a day and then go on live: price ticks and events. */
package energy.market.server.feed;

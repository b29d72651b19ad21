/** The day clock: phases, their deadlines, who the market waits for, and the pace of days. */
package energy.market.server.clock;

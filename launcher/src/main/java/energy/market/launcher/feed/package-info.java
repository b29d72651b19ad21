/** The launcher's gRPC edge: it reads a market's state, ticks and accounts into plain values. */
package energy.market.launcher.feed;

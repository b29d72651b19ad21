/** What the launcher shows and writes about a market, as plain values free of gRPC types. */
package energy.market.launcher.model;

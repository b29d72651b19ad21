/** The homes' side of the market's gRPC contract: registration and the batched session. */
package energy.market.home.client;

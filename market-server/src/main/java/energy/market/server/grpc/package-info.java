/**
 * The gRPC edge of the market: services that only translate between the contract and the engine,
 * one error mapper, and the stream adapters that respect flow control.
 */
package energy.market.server.grpc;

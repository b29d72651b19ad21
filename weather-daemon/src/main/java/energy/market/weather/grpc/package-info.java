/**
 * The weather daemon's gRPC edge: the server with health and reflection, and the {@code
 * Weather/StreamWeather} service that adapts the domain's history to the wire.
 */
package energy.market.weather.grpc;

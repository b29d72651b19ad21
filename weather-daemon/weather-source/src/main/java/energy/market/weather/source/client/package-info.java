/** Reads the day's temperature from the weather daemon's gRPC stream ({@code StreamWeather}). */
package energy.market.weather.source.client;

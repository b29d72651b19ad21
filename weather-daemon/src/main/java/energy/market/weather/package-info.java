/**
 * The weather daemon: the command ({@link energy.market.weather.WeatherCommand}, run as {@code
 * energy-market weather}) and the wiring ({@link energy.market.weather.WeatherDaemon}) of the
 * model, the shared-memory file, the gRPC feed and the market reports.
 */
package energy.market.weather;

/**
 * Where a home gets the day's temperature ({@code --weather auto|shm|stream|market}): the
 * shared-memory file of a daemon on the same machine, the daemon's {@code Weather/StreamWeather}
 * feed, or nothing, in which case the home uses the temperature the market announces. Start with
 * {@link energy.market.weather.source.TemperatureSources#open}.
 */
package energy.market.weather.source;

/**
 * The weather's shared-memory file: its fixed layout ({@link
 * energy.market.weather.shm.WeatherFile}), the daemon's seqlock writer and a reader that never
 * returns a torn record.
 */
package energy.market.weather.shm;

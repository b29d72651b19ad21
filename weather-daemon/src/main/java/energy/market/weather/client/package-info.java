/**
 * The weather daemon's client of the market: reports each day's temperature with {@code
 * Market/ReportWeather}, retrying within the OPEN phase.
 */
package energy.market.weather.client;

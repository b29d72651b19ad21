/**
 * The files of a run under {@code results/<run-id>/}: prices.csv, homes.csv, run.json and the
 * prices.png chart. Their content depends only on the run's days and accounts, so the same seed
 * gives the same bytes.
 */
package energy.market.launcher.results;

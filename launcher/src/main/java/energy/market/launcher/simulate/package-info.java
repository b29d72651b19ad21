/**
 * {@code energy-market simulate}: the market, the weather and external daemons and the homes as
 * separate processes started from the launcher's own class path, watched, stopped in order and
 * summed up in {@code results/<run-id>/}.
 */
package energy.market.launcher.simulate;

/**
 * {@code energy-market sweep}: the cartesian product of scenarios, each a real {@code simulate}
 * child process, several at once, split into shards for batch schedulers, resumed after an
 * interruption, and summed up in one summary.csv with comparison charts.
 */
package energy.market.launcher.sweep;

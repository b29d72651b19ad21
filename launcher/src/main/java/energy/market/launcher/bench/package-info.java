/**
 * Benchmarks of the performance bars, run against a real market process on loopback: trades through
 * the bounded executor, and the price feed's latency to many subscribers.
 */
package energy.market.launcher.bench;

/**
 * JMH micro-benchmarks of the market's hot domain code (price update, gift matching, day
 * settlement, ledger batch, a day's close in the ledger), run by {@code energy-market bench micro}.
 * They measure; nothing here asserts a time.
 */
package energy.market.launcher.bench.micro;

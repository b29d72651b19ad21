/**
 * Benchmarks of the performance bars, run against a real market process on loopback: trades through
 * the bounded executor and the price feed's latency to many subscribers, each beside the
 * transport's own figure ({@code bench baseline}: a plain grpc-java echo server process with the
 * market's transport settings), repeated and summed up as median [min..max]; the disk's fsync rate;
 * and the JMH micro-benchmarks of the domain's hot code ({@code bench micro}, package {@code
 * micro}).
 */
package energy.market.launcher.bench;

package energy.market.launcher.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * JVM options of the child processes, sized for a 2-core machine shared by many JVMs: the serial
 * collector everywhere, no perf-data file (it would outlive a killed JVM in /tmp), the client
 * compiler only, and for small processes small stacks and heaps, one event loop and late
 * compilation (a one-home process of the default run stays at about 56 MiB of resident memory over
 * its month of days).
 *
 * <p>The client compiler only, even for the market and for processes of thousands of homes: a run
 * starts ten or more JVMs on the same cores, and the optimizing compiler of each competes for them
 * with the run itself for the first ten seconds or more. Measured with {@code simulate --homes
 * 10000 --home-processes 8 --days 365 --headless --seed 1} on 2 cores: 79.6-88.4 s with both
 * compilers, 66.8 s with the client compiler in the home processes, 61.6 s in the market too (homes
 * connected after 14.4 s instead of 21.5-22.7 s, and the days faster as well).
 */
public final class JvmOptions {
  /** Up to this many homes a process gets the small-JVM options. */
  static final int SMALL_PROCESS_HOMES = 16;

  private JvmOptions() {}

  /** The market: heap grows with the homes it keeps accounts for. */
  public static List<String> market(int homes) {
    return withCommon(large(192 + homes / 64));
  }

  /** The weather and external daemons. */
  public static List<String> daemon() {
    return withCommon(small(48));
  }

  /** A process of {@code homes} homes. */
  public static List<String> homes(int homes) {
    if (homes <= SMALL_PROCESS_HOMES) {
      return withCommon(small(48));
    }
    // Many homes: about 16 KB of heap per home is plenty.
    return withCommon(large(64 + homes / 64));
  }

  private static List<String> large(int heapMegabytes) {
    return List.of(
        "-XX:+UseSerialGC", "-Xss512k", "-Xmx" + heapMegabytes + "m", "-XX:TieredStopAtLevel=1");
  }

  private static List<String> small(int heapMegabytes) {
    return List.of(
        "-Xss256k",
        "-Xms8m",
        "-Xmx" + heapMegabytes + "m",
        "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1",
        "-XX:CICompilerCount=1",
        "-XX:ReservedCodeCacheSize=16m",
        "-XX:MaxDirectMemorySize=16m",
        // A small young generation, and a heap that gives back what it does not use: a one-home
        // process keeps about 7 MB live, and the default sizing committed half as much again
        // (a 1-MB young generation instead of 2 saved another 0.35 MB of resident memory).
        "-Xmn1m",
        "-XX:MinHeapFreeRatio=10",
        "-XX:MaxHeapFreeRatio=30",
        // A few homes' code runs a few times a simulated day: compiling it only after four times
        // the usual calls keeps a month's compiled code and the compiler's arenas about 2 MB
        // smaller, for no measurable CPU.
        "-XX:CompileThresholdScaling=4",
        // One event loop carries a small process's few connections; each loop more is a thread
        // and its allocator arena (0.6 MB for the default four).
        "-Dio.grpc.netty.shaded.io.netty.eventLoopThreads=1",
        // With 16 MB of direct memory Netty makes no pool for it, and every read and write then
        // allocates and frees a direct buffer of its own (4 % of a ten-home process's CPU over a
        // run's days, async-profiler); one pool of 256-KB chunks costs 0.5-0.8 MiB of resident
        // memory (55.0-55.7 -> 55.8-56.3 MiB for a one-home process of the default run).
        "-Dio.grpc.netty.shaded.io.netty.allocator.numDirectArenas=1",
        "-Dio.grpc.netty.shaded.io.netty.allocator.maxOrder=5");
  }

  private static List<String> withCommon(List<String> options) {
    List<String> all = new ArrayList<>(options);
    all.add("-XX:-UsePerfData");
    if (Runtime.version().feature() >= 24) {
      // Netty and protobuf use native access and sun.misc.Unsafe; newer JDKs warn unless allowed.
      all.add("--enable-native-access=ALL-UNNAMED");
      all.add("--sun-misc-unsafe-memory-access=allow");
    }
    return all;
  }
}

package energy.market.launcher.bench;

import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A market started as a separate JVM on 127.0.0.1 for a benchmark ({@link BenchProcess}), with a
 * connection to it; stopped on close.
 */
final class MarketUnderTest implements AutoCloseable {
  static final String OPERATOR_TOKEN = "bench-operator";

  private final BenchProcess server;
  final int port;
  final ManagedChannel channel;

  /**
   * @param marketOptions options added to the market's command line
   * @param tls whether the market serves over TLS, with certificates made for this run, so that a
   *     benchmark measures what encryption costs
   */
  MarketUnderTest(List<String> marketOptions, boolean tls) throws IOException {
    this(marketOptions, tls, List.of());
  }

  /**
   * @param marketOptions options added to the market's command line
   * @param tls whether the market serves over TLS
   * @param jvmOptions options of the market's JVM ({@link ProfileOption})
   */
  MarketUnderTest(List<String> marketOptions, boolean tls, List<String> jvmOptions)
      throws IOException {
    Path dataDir = Files.createTempDirectory("energy-market-bench");
    List<String> arguments = new ArrayList<>();
    arguments.add("market");
    arguments.addAll(List.of("--port", "0", "--bind", "127.0.0.1", "--data-dir"));
    arguments.add(dataDir.toString());
    arguments.addAll(List.of("--operator-token", OPERATOR_TOKEN));
    arguments.addAll(marketOptions);
    // The market's directory stays: its ledger and its stderr are worth reading after a run.
    server = new BenchProcess(dataDir, arguments, tls, jvmOptions, false);
    port = server.port;
    channel = openChannel();
  }

  /** The market's process id, for a profiler or a syscall tracer to follow. */
  long pid() {
    return server.pid();
  }

  /** A new connection to the market, over TLS when it serves TLS; the caller shuts it down. */
  ManagedChannel openChannel() {
    return server.openChannel();
  }

  @Override
  public void close() {
    channel.shutdownNow();
    server.close();
  }
}

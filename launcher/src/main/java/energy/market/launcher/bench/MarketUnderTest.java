package energy.market.launcher.bench;

import energy.market.client.Channels;
import energy.market.client.ClientTls;
import energy.market.launcher.tls.ThrowawayCa;
import io.grpc.ManagedChannel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A market started as a separate JVM on 127.0.0.1 for a benchmark, so that the load generator and
 * the server do not share a heap or JIT; stopped (SIGTERM, then SIGKILL) on close.
 */
final class MarketUnderTest implements AutoCloseable {
  static final String OPERATOR_TOKEN = "bench-operator";
  private static final Pattern LISTENING = Pattern.compile("market listening on port (\\d+)");

  private final Process process;
  private final Path dataDir;
  final int port;
  final ManagedChannel channel;
  private final ClientTls tls;

  /**
   * @param marketOptions options added to the market's command line
   * @param tls whether the market serves over TLS, with certificates made for this run, so that a
   *     benchmark measures what encryption costs
   */
  MarketUnderTest(List<String> marketOptions, boolean tls)
      throws IOException, InterruptedException {
    dataDir = Files.createTempDirectory("energy-market-bench");
    ThrowawayCa.TlsFiles certificates = tls ? ThrowawayCa.write(dataDir.resolve("tls")) : null;
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("energy.market.launcher.Launcher");
    command.add("market");
    command.addAll(
        List.of(
            "--port",
            "0",
            "--bind",
            "127.0.0.1",
            "--data-dir",
            dataDir.toString(),
            "--operator-token",
            OPERATOR_TOKEN));
    if (certificates != null) {
      command.addAll(
          List.of(
              "--tls-cert",
              certificates.serverCert().toString(),
              "--tls-key",
              certificates.serverKey().toString()));
    }
    command.addAll(marketOptions);
    process =
        new ProcessBuilder(command).redirectError(dataDir.resolve("market.err").toFile()).start();
    port = awaitPort();
    this.tls =
        certificates == null
            ? ClientTls.PLAINTEXT
            : ClientTls.trusting(certificates.ca(), null, null);
    channel = openChannel();
  }

  /** A new connection to the market, over TLS when it serves TLS; the caller shuts it down. */
  ManagedChannel openChannel() {
    return Channels.open("127.0.0.1:" + port, tls);
  }

  private int awaitPort() throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      Matcher matcher = LISTENING.matcher(line);
      if (matcher.find()) {
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (out.readLine() != null) {
                      // keep the pipe empty
                    }
                  } catch (IOException e) {
                    // the market stopped
                  }
                },
                "bench-market-output");
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(matcher.group(1));
      }
    }
    throw new IOException("the market did not start; see " + dataDir.resolve("market.err"));
  }

  @Override
  public void close() {
    channel.shutdownNow();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}

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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A server of the launcher (the market, or the transport baseline's echo server) started as a
 * separate JVM on 127.0.0.1 for a benchmark, so that the load generator and the server do not share
 * a heap or JIT; stopped (SIGTERM, then SIGKILL) on close.
 */
final class BenchProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

  private final Process process;
  final Path dataDir;
  final int port;
  private final ClientTls tls;
  private final boolean deleteDataDir;

  /**
   * @param dataDir the directory of the server's files, its TLS certificates and its stderr
   * @param launcherArguments the launcher's command line: the server's command and its options
   * @param tls whether the server serves TLS, with certificates made for this run, given to it as
   *     {@code --tls-cert} and {@code --tls-key}
   * @param jvmOptions options of the server's JVM (a profiler's, for instance)
   * @param deleteDataDir whether {@code dataDir} goes on close (else it stays to be read, as a
   *     market's ledger and stderr)
   */
  BenchProcess(
      Path dataDir,
      List<String> launcherArguments,
      boolean tls,
      List<String> jvmOptions,
      boolean deleteDataDir)
      throws IOException {
    this.dataDir = dataDir;
    this.deleteDataDir = deleteDataDir;
    ThrowawayCa.TlsFiles certificates = tls ? ThrowawayCa.write(dataDir.resolve("tls")) : null;
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("energy.market.launcher.Launcher");
    command.addAll(launcherArguments);
    if (certificates != null) {
      command.addAll(
          List.of(
              "--tls-cert",
              certificates.serverCert().toString(),
              "--tls-key",
              certificates.serverKey().toString()));
    }
    process =
        new ProcessBuilder(command).redirectError(dataDir.resolve("server.err").toFile()).start();
    port = awaitPort();
    this.tls =
        certificates == null
            ? ClientTls.PLAINTEXT
            : ClientTls.trusting(certificates.ca(), null, null);
  }

  /** The server's process id, for a profiler or a syscall tracer to follow. */
  long pid() {
    return process.pid();
  }

  /** A new connection to the server, over TLS when it serves TLS; the caller shuts it down. */
  ManagedChannel openChannel() {
    return Channels.openDirect("127.0.0.1:" + port, tls);
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
                    // the server stopped
                  }
                },
                "bench-server-output");
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(matcher.group(1));
      }
    }
    throw new IOException("the server did not start; see " + dataDir.resolve("server.err"));
  }

  @Override
  public void close() {
    process.destroy();
    try {
      // Long enough for a profiled JVM to write its recording on the way out.
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    if (deleteDataDir) {
      deleteTree(dataDir);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
    }
  }
}

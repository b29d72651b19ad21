package energy.market.launcher.bench;

import energy.market.client.Durations;
import energy.market.client.ServerTls;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench echo-server}: the transport baseline's server process, started by {@code bench
 * baseline} (and the benches that print the baseline beside their figure) the way they start a
 * market; hidden, since nothing else needs it.
 */
@Command(
    name = "echo-server",
    hidden = true,
    mixinStandardHelpOptions = true,
    description =
        "Serves the transport baseline's echo and tick stream on 127.0.0.1 until stopped"
            + " (SIGTERM); prints `echo listening on port N`.")
public final class EchoServerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      description = "Port to listen on; 0 for any free port (default: ${DEFAULT-VALUE}).",
      defaultValue = "0")
  int port;

  @Option(
      names = "--tick-period",
      converter = Durations.class,
      description = "How often every subscriber gets a tick (default: ${DEFAULT-VALUE}).",
      defaultValue = "50ms")
  Duration tickPeriod;

  @Option(
      names = "--tick-bytes",
      description = "The size of a tick (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + BaselineCommand.DEFAULT_TICK_BYTES)
  int tickBytes;

  @Option(
      names = "--durable-log",
      description =
          "Answer each echo only once its request is written to this file and forced to disk,"
              + " the requests waiting at the time sharing one force (default: answer at once).")
  Path durableLog;

  @Option(names = "--tls-cert", description = "Server certificate (PEM); with --tls-key.")
  Path tlsCert;

  @Option(names = "--tls-key", description = "Private key (PEM, PKCS#8); with --tls-cert.")
  Path tlsKey;

  @Override
  public Integer call() throws Exception {
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new ParameterException(spec.commandLine(), "--tls-cert and --tls-key go together");
    }
    if (tickPeriod.isZero() || tickPeriod.isNegative() || tickBytes < 0 || port < 0) {
      throw new ParameterException(
          spec.commandLine(), "--tick-period must be > 0, --tick-bytes and --port >= 0");
    }
    ServerTls tls;
    try {
      tls = tlsCert == null ? ServerTls.PLAINTEXT : ServerTls.of(tlsCert, tlsKey, null);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    DurableEcho durable = durableLog == null ? null : new DurableEcho(durableLog);
    EchoServer server =
        new EchoServer(new InetSocketAddress("127.0.0.1", port), tls.credentials(), durable)
            .start(tickPeriod, tickBytes);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "echo-server-stop"));
    PrintWriter out = spec.commandLine().getOut();
    out.println("echo listening on port " + server.port());
    out.flush();
    server.awaitTermination();
    return 0;
  }
}

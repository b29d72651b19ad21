package energy.market.weather;

import energy.market.client.Channels;
import energy.market.client.ClientTls;
import energy.market.client.Durations;
import energy.market.client.EventLoops;
import energy.market.client.ServerTls;
import energy.market.client.ShutdownHook;
import energy.market.client.cli.CommandFailure;
import energy.market.client.cli.MarketAddressOption;
import energy.market.client.cli.OneLineErrors;
import energy.market.client.cli.OperatorCredentials;
import energy.market.client.cli.SeedOption;
import energy.market.client.cli.ServerTlsOptions;
import energy.market.weather.shm.WeatherFile;
import energy.market.weather.shm.WeatherFileException;
import energy.market.weather.source.TemperatureSources;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code weather}: runs the weather daemon until SIGTERM or SIGINT. It prints {@code weather
 * listening on port N} once its gRPC server is up, then one line per published day.
 */
@Command(
    name = "weather",
    mixinStandardHelpOptions = true,
    version = "energy-market weather 0.1.0",
    description = {
      "Follows the market's day clock and publishes each day's temperature: into a shared-memory"
          + " file, on its own gRPC server (energy.market.v1.Weather/StreamWeather, with health"
          + " and reflection), and to the market (Market/ReportWeather).",
      "It runs until it is stopped. Exit codes: 1 could not start (a port in use, a"
          + " shared-memory file another daemon owns); 2 bad options; 130 Ctrl-C (SIGINT); 143"
          + " SIGTERM (both stop it cleanly).",
      ""
    })
public final class WeatherCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin MarketAddressOption market;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "" + TemperatureSources.DEFAULT_WEATHER_PORT,
      description =
          "Port of this daemon's gRPC server; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDR",
      description =
          "Address this daemon's gRPC server listens on (default: ${DEFAULT-VALUE}, this machine"
              + " only); 0.0.0.0 for every interface, for homes on other machines.")
  String bind;

  /**
   * The daemon's own server takes the server options; its one identity (--tls-cert) is also what it
   * presents to a market that requires mutual TLS.
   */
  @Mixin ServerTlsOptions tls;

  @Option(
      names = "--tls-ca",
      paramLabel = "FILE",
      description =
          "Connect to the market over TLS, trusting this CA (PEM); --tls-cert and --tls-key, when"
              + " given, are also presented to the market (default: plaintext).")
  Path marketCa;

  @Mixin SeedOption seed;

  @Option(
      names = "--shm-file",
      paramLabel = "PATH",
      description =
          "The shared-memory file homes on this machine read (default: ${DEFAULT-VALUE}).")
  Path shmFile = WeatherFile.defaultPath();

  @Mixin OperatorCredentials operator;

  @Option(
      names = "--history-days",
      defaultValue = "" + WeatherDaemonConfig.DEFAULT_HISTORY_DAYS,
      paramLabel = "DAYS",
      description =
          "Published days kept for StreamWeather replays; a subscriber that falls"
              + " further behind is dropped (default: ${DEFAULT-VALUE}).")
  int historyDays;

  @Option(
      names = "--report-timeout",
      defaultValue = "1s",
      paramLabel = "DURATION",
      converter = Durations.class,
      description = "Deadline of each Market/ReportWeather call (default: ${DEFAULT-VALUE}).")
  Duration reportTimeout;

  @Option(
      names = "--report-attempts",
      defaultValue = "4",
      paramLabel = "N",
      description =
          "Most Market/ReportWeather calls per day, retrying transient failures"
              + " within the OPEN phase (default: ${DEFAULT-VALUE}).")
  int reportAttempts;

  @Mixin WeatherModelOptions model = new WeatherModelOptions();

  /** The command line for this command, with the one-line errors of every command. */
  public static CommandLine commandLine() {
    return OneLineErrors.commandLine(new WeatherCommand());
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    WeatherDaemonConfig config;
    InetSocketAddress address;
    ServerTls serverTls;
    ClientTls marketTls;
    try {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(
            "port " + port + " is out of range 0..65535 (0 picks a free port)");
      }
      address = new InetSocketAddress(bind, port);
      if (address.isUnresolved()) {
        throw new IllegalArgumentException("bind address '" + bind + "' cannot be resolved");
      }
      config =
          new WeatherDaemonConfig(
              seed.seed(),
              model.toParameters(),
              shmFile,
              operator.resolve(),
              historyDays,
              reportTimeout,
              reportAttempts);
      serverTls = tls.resolve();
      marketTls = tls.asClientTrusting(marketCa);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }

    Consumer<String> log =
        line -> {
          out.println(line);
          out.flush();
        };
    ManagedChannel marketChannel = Channels.open(market.address(), marketTls);
    WeatherDaemon daemon;
    try {
      daemon =
          WeatherDaemon.start(
              config,
              EventLoops.on(NettyServerBuilder.forAddress(address, serverTls.credentials()))
                  // Handlers never block: they only move days from memory to the wire.
                  .directExecutor()
                  // Homes ping an open stream to notice a daemon that vanished.
                  .permitKeepAliveTime(
                      Channels.PERMITTED_KEEPALIVE_TIME.toMillis(), TimeUnit.MILLISECONDS),
              marketChannel,
              Clock.systemUTC(),
              log);
    } catch (WeatherFileException e) {
      marketChannel.shutdownNow();
      throw new CommandFailure(1, e.getMessage());
    } catch (IOException e) {
      marketChannel.shutdownNow();
      throw new CommandFailure(1, "cannot start on " + bind + ":" + port + ": " + describe(e));
    }
    ShutdownHook.install(
        "weather-shutdown",
        () -> {
          err.println("weather: stopping");
          err.flush();
          daemon.close();
          marketChannel.shutdown();
          try {
            marketChannel.awaitTermination(1, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          marketChannel.shutdownNow();
          err.println("weather: stopped");
          err.flush();
        });
    log.accept("weather listening on port " + daemon.port());
    log.accept(
        "weather: following the market at "
            + market.address()
            + ", seed "
            + seed.seed()
            + ", shared-memory file "
            + daemon.sharedMemoryFile());
    daemon.awaitClosed();
    return 0;
  }

  private static String describe(IOException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }
}

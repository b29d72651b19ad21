package energy.market.weather.grpc;

import energy.market.api.v1.WeatherGrpc;
import energy.market.weather.model.WeatherHistory;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The weather daemon's gRPC server: {@code energy.market.v1.Weather}, health checking and server
 * reflection (v1, and v1alpha for older tools). Built from an injected {@link ServerBuilder}, so
 * tests hand it an in-process builder and the daemon a Netty one (port 0 picks a free port).
 */
public final class WeatherServer implements AutoCloseable {
  private static final long GRACE_MILLIS = 2_000;

  private final Server server;
  private final HealthStatusManager health = new HealthStatusManager();
  private final WeatherStreamService weather;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * @param builder the transport's builder, with its address and executor already set
   * @param history the published days the stream serves
   */
  public WeatherServer(ServerBuilder<?> builder, WeatherHistory history) {
    this.weather = new WeatherStreamService(history);
    this.server =
        builder
            .addService(weather)
            .addService(health.getHealthService())
            .addService(ProtoReflectionServiceV1.newInstance())
            .addService(reflectionV1Alpha())
            .build();
  }

  // grpcurl and other tools before 2024 only speak v1alpha; grpc-java keeps it, deprecated.
  @SuppressWarnings("deprecation")
  private static BindableService reflectionV1Alpha() {
    return io.grpc.protobuf.services.ProtoReflectionService.newInstance();
  }

  /**
   * Starts listening and reports SERVING.
   *
   * @throws IOException when the port cannot be bound
   */
  public WeatherServer start() throws IOException {
    server.start();
    health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);
    health.setStatus(WeatherGrpc.SERVICE_NAME, ServingStatus.SERVING);
    return this;
  }

  /** The port the server listens on (the chosen one when started with port 0; -1 in-process). */
  public int getPort() {
    return server.getPort();
  }

  /** The open weather streams. */
  public int subscriberCount() {
    return weather.subscriberCount();
  }

  /**
   * Stops: health NOT_SERVING, streams ended with UNAVAILABLE, then a graceful shutdown and a
   * forced one if calls linger. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    health.enterTerminalState();
    weather.shutdown();
    server.shutdown();
    try {
      if (!server.awaitTermination(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
        server.shutdownNow();
        server.awaitTermination(GRACE_MILLIS, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}

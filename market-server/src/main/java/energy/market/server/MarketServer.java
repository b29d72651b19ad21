package energy.market.server;

import energy.market.api.v1.EventsGrpc;
import energy.market.api.v1.GiftBrokerGrpc;
import energy.market.api.v1.MarketGrpc;
import energy.market.server.engine.MarketEngine;
import energy.market.server.grpc.CallerInterceptor;
import energy.market.server.grpc.EventsService;
import energy.market.server.grpc.GiftBrokerService;
import energy.market.server.grpc.InboundGuard;
import energy.market.server.grpc.MarketService;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Owns the market's gRPC server: the Market, GiftBroker and Events services, health checking and
 * server reflection (v1 and v1alpha, so every grpcurl finds it). Built from an injected builder, so
 * tests run it in-process.
 */
public final class MarketServer {
  private final Server server;
  private final HealthStatusManager health = new HealthStatusManager();
  private final MarketEngine engine;
  private final List<String> serviceNames =
      List.of(MarketGrpc.SERVICE_NAME, GiftBrokerGrpc.SERVICE_NAME, EventsGrpc.SERVICE_NAME);

  /**
   * @param builder the transport's builder (Netty in production, in-process in tests)
   * @param engine the market the services adapt
   */
  public MarketServer(ServerBuilder<?> builder, MarketEngine engine) {
    this(builder, engine, List.of());
  }

  /**
   * A server whose services run {@code interceptors} (for tests that watch calls); they see the
   * services' own request types, inside the {@link InboundGuard} that every service is behind.
   */
  public MarketServer(
      ServerBuilder<?> builder,
      MarketEngine engine,
      List<? extends ServerInterceptor> interceptors) {
    this.engine = engine;
    // Every handler only hands work to the engine's own threads, so gRPC may call it on its
    // transport thread (much cheaper than the default executor's hand-off).
    builder.directExecutor();
    List<BindableService> services =
        List.of(
            new MarketService(engine),
            new GiftBrokerService(engine),
            new EventsService(engine),
            health.getHealthService(),
            ProtoReflectionServiceV1.newInstance(),
            reflectionV1Alpha());
    InboundGuard guard = new InboundGuard(InboundGuard.MAX_OPEN_CALLS);
    // Interceptors run last to first: credentials are checked before anything else sees the call.
    List<ServerInterceptor> chain = new ArrayList<>(interceptors);
    chain.add(new CallerInterceptor(engine.authenticator(), engine.registrationsPerPeer()));
    for (BindableService service : services) {
      builder.addService(guard.guard(ServerInterceptors.intercept(service, chain)));
    }
    this.server = builder.build();
  }

  @SuppressWarnings("deprecation") // v1alpha is what older grpcurl versions ask for.
  private static BindableService reflectionV1Alpha() {
    return io.grpc.protobuf.services.ProtoReflectionService.newInstance();
  }

  /**
   * Starts serving. The day clock is started separately ({@link MarketEngine#start()}), so that
   * participants may join before day 1 opens.
   */
  public MarketServer start() throws IOException {
    server.start();
    health.setStatus("", ServingStatus.SERVING);
    serviceNames.forEach(name -> health.setStatus(name, ServingStatus.SERVING));
    return this;
  }

  /** The port it listens on (useful with port 0); -1 for in-process. */
  public int getPort() {
    return server.getPort();
  }

  /** The market behind the server. */
  public MarketEngine engine() {
    return engine;
  }

  /**
   * Stops in order: health NOT_SERVING, no new calls, running calls get a few seconds, then the
   * market's own threads.
   */
  public void stop() {
    health.enterTerminalState();
    server.shutdown();
    // Feed subscribers would otherwise hold the shutdown until it is forced.
    engine.ticks().endAll("the market is stopping");
    engine.events().endAll("the market is stopping");
    try {
      if (!server.awaitTermination(3, TimeUnit.SECONDS)) {
        server.shutdownNow();
        server.awaitTermination(2, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
    engine.close();
  }
}

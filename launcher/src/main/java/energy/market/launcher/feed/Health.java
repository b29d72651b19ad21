package energy.market.launcher.feed;

import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The standard gRPC health check of a server: is it SERVING? */
public final class Health {
  private Health() {}

  /** True when the server answers SERVING for the whole server within {@code deadline}. */
  public static boolean serving(Channel channel, Duration deadline) {
    try {
      return HealthGrpc.newBlockingStub(channel)
              .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
              .check(HealthCheckRequest.getDefaultInstance())
              .getStatus()
          == ServingStatus.SERVING;
    } catch (StatusRuntimeException e) {
      return false;
    }
  }
}

package energy.market.server.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import energy.market.testing.Await;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The guard's limit on open calls, on a real in-process server. */
class InboundGuardTest {
  @Test
  void callsPastTheMostOpenAreRefusedUntilOneEnds() throws Exception {
    String name = InProcessServerBuilder.generateName();
    HealthStatusManager health = new HealthStatusManager();
    InboundGuard guard = new InboundGuard(2);
    Server server =
        InProcessServerBuilder.forName(name)
            .directExecutor()
            .addService(guard.guard(health.getHealthService().bindService()))
            .build()
            .start();
    ManagedChannel channel = InProcessChannelBuilder.forName(name).build();
    List<io.grpc.Context.CancellableContext> watches = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        io.grpc.Context.CancellableContext watch = io.grpc.Context.current().withCancellation();
        watches.add(watch);
        watch.run(
            () ->
                HealthGrpc.newStub(channel)
                    .watch(HealthCheckRequest.getDefaultInstance(), new Ignored()));
      }
      Await.until("two watches hold their calls open", () -> refused(channel), Await.SHORT);
      StatusRuntimeException third =
          assertThrows(StatusRuntimeException.class, () -> check(channel));
      assertEquals(Status.Code.RESOURCE_EXHAUSTED, third.getStatus().getCode());

      watches.get(0).cancel(null);
      Await.until("a call is taken once a watch ended", () -> !refused(channel), Await.SHORT);
    } finally {
      watches.forEach(watch -> watch.cancel(null));
      channel.shutdownNow();
      server.shutdownNow();
      server.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static HealthCheckResponse check(ManagedChannel channel) {
    return HealthGrpc.newBlockingStub(channel)
        .withDeadlineAfter(5, TimeUnit.SECONDS)
        .check(HealthCheckRequest.getDefaultInstance());
  }

  private static boolean refused(ManagedChannel channel) {
    try {
      check(channel);
      return false;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode() == Status.Code.RESOURCE_EXHAUSTED;
    }
  }

  private static final class Ignored implements StreamObserver<HealthCheckResponse> {
    @Override
    public void onNext(HealthCheckResponse value) {}

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onCompleted() {}
  }
}

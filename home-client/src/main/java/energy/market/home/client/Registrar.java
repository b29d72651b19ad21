package energy.market.home.client;

import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.RegisterRequest;
import energy.market.api.v1.RegisterResponse;
import energy.market.client.ContractEnums;
import energy.market.client.MarketCredentials;
import energy.market.home.Fleet;
import energy.market.home.Home;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Registers a fleet's homes with their secrets, many calls in flight at once so that thousands of
 * homes join in about a second. Registering is idempotent at the market: a home registered before
 * (by an earlier process, or by a call whose reply was lost) gets its own id back, so a failed
 * round is simply sent again.
 */
final class Registrar {
  private static final int IN_FLIGHT = 64;
  private static final long DEADLINE_SECONDS = 10;

  private final MarketGrpc.MarketStub stub;

  /**
   * @param registration the credentials of a market whose registration is closed, or null
   */
  Registrar(Channel channel, MarketCredentials registration) {
    MarketGrpc.MarketStub open = MarketGrpc.newStub(channel);
    this.stub = registration == null ? open : open.withCallCredentials(registration);
  }

  /** A home the market would not take, and why. */
  record Refusal(Home home, Status status) {}

  /**
   * Registers every home; returns the homes the market refused for good (for example a name taken
   * by another process).
   *
   * @throws StatusRuntimeException when the market cannot be reached (retry later)
   */
  List<Refusal> registerAll(Fleet fleet) throws InterruptedException {
    Semaphore slots = new Semaphore(IN_FLIGHT);
    CountDownLatch done = new CountDownLatch(fleet.homes().size());
    AtomicReference<StatusRuntimeException> unreachable = new AtomicReference<>();
    List<Refusal> refusals = new ArrayList<>();
    for (Home home : fleet.homes()) {
      slots.acquire();
      if (unreachable.get() != null) {
        slots.release();
        done.countDown();
        continue;
      }
      RegisterRequest request =
          RegisterRequest.newBuilder()
              .setName(home.name())
              .setPolicy(ContractEnums.policy(home.policy()))
              .setSecret(home.secret())
              .build();
      stub.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
          .register(
              request,
              new StreamObserver<>() {
                @Override
                public void onNext(RegisterResponse response) {
                  synchronized (fleet) {
                    fleet.registered(home, response.getHomeId());
                  }
                }

                @Override
                public void onError(Throwable t) {
                  Status status = Status.fromThrowable(t);
                  if (isRetryable(status)) {
                    unreachable.compareAndSet(null, status.asRuntimeException());
                  } else {
                    synchronized (refusals) {
                      refusals.add(new Refusal(home, status));
                    }
                  }
                  slots.release();
                  done.countDown();
                }

                @Override
                public void onCompleted() {
                  slots.release();
                  done.countDown();
                }
              });
    }
    if (!done.await(DEADLINE_SECONDS * 2, TimeUnit.SECONDS)) {
      throw Status.DEADLINE_EXCEEDED
          .withDescription("registration did not finish in time")
          .asRuntimeException();
    }
    if (unreachable.get() != null) {
      throw unreachable.get();
    }
    return refusals;
  }

  static boolean isRetryable(Status status) {
    return switch (status.getCode()) {
      case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, CANCELLED, UNKNOWN -> true;
      default -> false;
    };
  }
}

package energy.market.home.client;

import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.RegisterHomesRequest;
import energy.market.api.v1.RegisterRequest;
import energy.market.api.v1.RegisterResponse;
import energy.market.api.v1.RegisterResult;
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
import java.util.function.Consumer;

/**
 * Registers a fleet's homes with their secrets: {@value #BATCH} homes to a {@code RegisterHomes}
 * call, a few calls in flight, so that thousands of homes join in a few round trips and the market
 * keeps each call's new homes in one commit. A market without {@code RegisterHomes} (an older one)
 * gets one {@code Register} per home instead, many in flight. Registering is idempotent at the
 * market: a home registered before (by an earlier process, or by a call whose reply was lost) gets
 * its own id back, so a failed round is simply sent again.
 */
final class Registrar {
  /** Homes to one {@code RegisterHomes} call. */
  static final int BATCH = 500;

  private static final int BATCHES_IN_FLIGHT = 4;
  private static final int SINGLES_IN_FLIGHT = 64;
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
   * @throws StatusRuntimeException when the market cannot be reached, or refused homes for now (too
   *     many registrations from this address): retry later
   */
  List<Refusal> registerAll(Fleet fleet) throws InterruptedException {
    List<Home> homes = List.copyOf(fleet.homes());
    Round batches = new Round(fleet);
    batches.run(
        chunks(homes), BATCHES_IN_FLIGHT, (chunk, done) -> registerBatch(chunk, batches, done));
    if (batches.unimplemented) {
      Round singles = new Round(fleet);
      singles.run(
          homes.stream().map(List::of).toList(),
          SINGLES_IN_FLIGHT,
          (one, done) -> registerOne(one.get(0), singles, done));
      return singles.result();
    }
    return batches.result();
  }

  private void registerBatch(List<Home> chunk, Round round, Runnable done) {
    RegisterHomesRequest.Builder request = RegisterHomesRequest.newBuilder();
    for (Home home : chunk) {
      request.addHomes(request(home));
    }
    stub.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
        .registerHomes(
            request.build(),
            observer(
                response -> {
                  for (int i = 0; i < chunk.size(); i++) {
                    RegisterResult result =
                        i < response.getResultsCount() ? response.getResults(i) : null;
                    round.settle(chunk.get(i), result);
                  }
                },
                status -> {
                  if (status.getCode() == Status.Code.UNIMPLEMENTED) {
                    round.unimplemented = true;
                  } else {
                    chunk.forEach(home -> round.fail(home, status));
                  }
                },
                done));
  }

  private void registerOne(Home home, Round round, Runnable done) {
    stub.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
        .register(
            request(home),
            observer(
                response -> round.registered(home, response),
                status -> round.fail(home, status),
                done));
  }

  private static RegisterRequest request(Home home) {
    return RegisterRequest.newBuilder()
        .setName(home.name())
        .setPolicy(ContractEnums.policy(home.policy()))
        .setSecret(home.secret())
        .build();
  }

  private static List<List<Home>> chunks(List<Home> homes) {
    List<List<Home>> chunks = new ArrayList<>();
    for (int from = 0; from < homes.size(); from += BATCH) {
      chunks.add(homes.subList(from, Math.min(homes.size(), from + BATCH)));
    }
    return chunks;
  }

  private static <R> StreamObserver<R> observer(
      Consumer<R> onResponse, Consumer<Status> onFailure, Runnable done) {
    return new StreamObserver<>() {
      @Override
      public void onNext(R response) {
        onResponse.accept(response);
      }

      @Override
      public void onError(Throwable t) {
        onFailure.accept(Status.fromThrowable(t));
        done.run();
      }

      @Override
      public void onCompleted() {
        done.run();
      }
    };
  }

  static boolean isRetryable(Status status) {
    return switch (status.getCode()) {
      case UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, CANCELLED, UNKNOWN -> true;
      default -> false;
    };
  }

  /** How to send one unit of a round (a batch, or one home) and say when its call ended. */
  private interface Sender<U> {
    void send(U unit, Runnable done);
  }

  /** One pass over the fleet: what registered, what was refused, and whether to retry later. */
  private static final class Round {
    private final Fleet fleet;
    private final List<Refusal> refusals = new ArrayList<>();
    private final AtomicReference<StatusRuntimeException> retryLater = new AtomicReference<>();
    private volatile boolean unimplemented;

    Round(Fleet fleet) {
      this.fleet = fleet;
    }

    /** Sends every unit, at most {@code inFlight} at once, and waits for every answer. */
    <U> void run(List<U> units, int inFlight, Sender<U> sender) throws InterruptedException {
      Semaphore slots = new Semaphore(inFlight);
      CountDownLatch answered = new CountDownLatch(units.size());
      Runnable done =
          () -> {
            slots.release();
            answered.countDown();
          };
      for (U unit : units) {
        slots.acquire();
        if (retryLater.get() != null || unimplemented) {
          done.run();
          continue;
        }
        sender.send(unit, done);
      }
      if (!answered.await(DEADLINE_SECONDS * 2, TimeUnit.SECONDS)) {
        throw Status.DEADLINE_EXCEEDED
            .withDescription("registration did not finish in time")
            .asRuntimeException();
      }
    }

    /** A home's result in a {@code RegisterHomes} answer (null: the answer left it out). */
    void settle(Home home, RegisterResult result) {
      if (result != null && result.hasRegistered()) {
        registered(home, result.getRegistered());
      } else if (result != null
          && result.hasRefused()
          && result.getRefused().getCode() != Status.Code.OK.value()) {
        fail(
            home,
            Status.fromCodeValue(result.getRefused().getCode())
                .withDescription(result.getRefused().getMessage()));
      } else {
        fail(home, Status.INTERNAL.withDescription("the market's answer has no result for it"));
      }
    }

    void registered(Home home, RegisterResponse response) {
      synchronized (fleet) {
        fleet.registered(home, response.getHomeId());
      }
    }

    void fail(Home home, Status status) {
      if (isRetryable(status)) {
        retryLater.compareAndSet(null, status.asRuntimeException());
      } else {
        synchronized (refusals) {
          refusals.add(new Refusal(home, status));
        }
      }
    }

    List<Refusal> result() {
      if (retryLater.get() != null) {
        throw retryLater.get();
      }
      return refusals;
    }
  }
}

package energy.market.weather;

import com.google.protobuf.Timestamp;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.Phase;
import energy.market.api.v1.PhaseDone;
import energy.market.api.v1.PhaseStarted;
import energy.market.api.v1.ReportWeatherRequest;
import energy.market.api.v1.ReportWeatherResponse;
import energy.market.api.v1.SessionEvent;
import energy.market.api.v1.SessionHello;
import energy.market.api.v1.SessionRequest;
import energy.market.api.v1.SessionWelcome;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real gRPC {@code Market} service with just enough behaviour to drive a daemon: it accepts a
 * daemon session, starts phases on demand and records weather reports. Used until the real market
 * server exists, and to inject failures the real one would not produce on demand.
 */
final class FakeMarket extends MarketGrpc.MarketImplBase {
  static final String TOKEN = "test-operator-token";

  final CompletableFuture<SessionHello> hello = new CompletableFuture<>();
  final BlockingQueue<PhaseDone> done = new LinkedBlockingQueue<>();
  final BlockingQueue<ReportWeatherRequest> reports = new LinkedBlockingQueue<>();
  final CompletableFuture<Void> sessionEnded = new CompletableFuture<>();

  /** How many of the next reports fail with UNAVAILABLE. */
  final AtomicInteger failNextReports = new AtomicInteger();

  private StreamObserver<SessionEvent> session; // guarded by this

  @Override
  public StreamObserver<SessionRequest> connect(StreamObserver<SessionEvent> responseObserver) {
    return new StreamObserver<>() {
      @Override
      public void onNext(SessionRequest request) {
        switch (request.getKindCase()) {
          case HELLO -> {
            send(
                responseObserver,
                SessionEvent.newBuilder()
                    .setWelcome(SessionWelcome.newBuilder().setFirstDay(1))
                    .build());
            synchronized (FakeMarket.this) {
              session = responseObserver;
            }
            hello.complete(request.getHello());
          }
          case PHASE_DONE -> done.add(request.getPhaseDone());
          default -> {}
        }
      }

      @Override
      public void onError(Throwable t) {
        sessionEnded.complete(null);
      }

      @Override
      public void onCompleted() {
        sessionEnded.complete(null);
        synchronized (FakeMarket.this) {
          responseObserver.onCompleted();
        }
      }
    };
  }

  @Override
  public void reportWeather(
      ReportWeatherRequest request, StreamObserver<ReportWeatherResponse> responseObserver) {
    reports.add(request);
    if (failNextReports.getAndDecrement() > 0) {
      responseObserver.onError(
          Status.UNAVAILABLE.withDescription("market is busy (test)").asRuntimeException());
    } else if (!TOKEN.equals(request.getOperatorToken())) {
      responseObserver.onError(
          Status.UNAUTHENTICATED.withDescription("bad operator token").asRuntimeException());
    } else {
      responseObserver.onNext(ReportWeatherResponse.newBuilder().setApplied(true).build());
      responseObserver.onCompleted();
    }
  }

  /** Starts a phase on the daemon's session and waits for its PhaseDone. */
  PhaseDone runPhase(long day, Phase phase) throws Exception {
    SessionHello who = hello.get(10, TimeUnit.SECONDS);
    if (who == null) {
      throw new AssertionError("no session");
    }
    Instant deadline = Instant.now().plusSeconds(5);
    SessionEvent event =
        SessionEvent.newBuilder()
            .setPhaseStarted(
                PhaseStarted.newBuilder()
                    .setDay(day)
                    .setPhase(phase)
                    .setDeadline(
                        Timestamp.newBuilder()
                            .setSeconds(deadline.getEpochSecond())
                            .setNanos(deadline.getNano())))
            .build();
    synchronized (this) {
      session.onNext(event);
    }
    PhaseDone phaseDone = done.poll(10, TimeUnit.SECONDS);
    if (phaseDone == null) {
      throw new AssertionError("no PhaseDone for day " + day + " " + phase);
    }
    return phaseDone;
  }

  private synchronized void send(StreamObserver<SessionEvent> to, SessionEvent event) {
    to.onNext(event);
  }
}

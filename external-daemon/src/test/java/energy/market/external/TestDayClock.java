package energy.market.external;

import com.google.protobuf.Timestamp;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.Phase;
import energy.market.api.v1.PhaseDone;
import energy.market.api.v1.PhaseStarted;
import energy.market.api.v1.SessionEvent;
import energy.market.api.v1.SessionHello;
import energy.market.api.v1.SessionRequest;
import energy.market.api.v1.SessionWelcome;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The part of the Market service a daemon session needs, driven by the test: accepts one daemon
 * session on {@code Connect}, sends the phases the test asks for and records each PhaseDone.
 */
final class TestDayClock extends MarketGrpc.MarketImplBase {

  private final BlockingQueue<SessionHello> hellos = new LinkedBlockingQueue<>();
  private final BlockingQueue<PhaseDone> done = new LinkedBlockingQueue<>();
  private StreamObserver<SessionEvent> session; // guarded by this

  @Override
  public StreamObserver<SessionRequest> connect(StreamObserver<SessionEvent> responseObserver) {
    return new StreamObserver<>() {
      @Override
      public void onNext(SessionRequest request) {
        switch (request.getKindCase()) {
          case HELLO -> {
            synchronized (TestDayClock.this) {
              session = responseObserver;
              responseObserver.onNext(
                  SessionEvent.newBuilder()
                      .setWelcome(SessionWelcome.newBuilder().setFirstDay(1))
                      .build());
            }
            hellos.add(request.getHello());
          }
          case PHASE_DONE -> done.add(request.getPhaseDone());
          default -> {}
        }
      }

      @Override
      public void onError(Throwable t) {
        forget(responseObserver);
      }

      @Override
      public void onCompleted() {
        forget(responseObserver);
        responseObserver.onCompleted();
      }
    };
  }

  private synchronized void forget(StreamObserver<SessionEvent> observer) {
    if (session == observer) {
      session = null;
    }
  }

  /** Waits for a daemon's hello; fails the test on timeout. */
  SessionHello awaitSession(Duration timeout) throws InterruptedException {
    SessionHello hello = hellos.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (hello == null) {
      throw new AssertionError("no daemon session within " + timeout);
    }
    return hello;
  }

  /** Sends PhaseStarted to the session, with a deadline {@code deadlineIn} from now. */
  synchronized void startPhase(long day, Phase phase, Duration deadlineIn) {
    if (session == null) {
      throw new AssertionError("no daemon session is connected");
    }
    Instant deadline = Instant.now().plus(deadlineIn);
    session.onNext(
        SessionEvent.newBuilder()
            .setPhaseStarted(
                PhaseStarted.newBuilder()
                    .setDay(day)
                    .setPhase(phase)
                    .setDeadline(
                        Timestamp.newBuilder()
                            .setSeconds(deadline.getEpochSecond())
                            .setNanos(deadline.getNano())))
            .build());
  }

  /** The next PhaseDone; fails the test on timeout. */
  PhaseDone awaitDone(Duration timeout) throws InterruptedException {
    PhaseDone phaseDone = done.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (phaseDone == null) {
      throw new AssertionError("no PhaseDone within " + timeout);
    }
    return phaseDone;
  }
}

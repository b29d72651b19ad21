package energy.market.server;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.Phase;
import energy.market.api.v1.SessionEvent;
import energy.market.api.v1.SessionRequest;
import io.grpc.Channel;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test's end of a Market/Connect or FollowSession stream: everything received, in order. */
public final class TestSession implements StreamObserver<SessionEvent> {
  private final BlockingQueue<SessionEvent> received = new LinkedBlockingQueue<>();
  private volatile Throwable error;
  private volatile boolean completed;
  private StreamObserver<SessionRequest> requests;

  /** Opens Market/Connect and sends {@code hello}. */
  public static TestSession connect(Channel channel, SessionRequest hello) {
    TestSession session = new TestSession();
    session.requests = MarketGrpc.newStub(channel).connect(session);
    session.send(hello);
    return session;
  }

  /** Opens Market/FollowSession for one home. */
  public static TestSession follow(Channel channel, long homeId, String token) {
    TestSession session = new TestSession();
    MarketGrpc.newStub(channel)
        .followSession(
            energy.market.api.v1.FollowSessionRequest.newBuilder()
                .setHome(
                    energy.market.api.v1.HomeCredentials.newBuilder()
                        .setHomeId(homeId)
                        .setSessionToken(token))
                .build(),
            session);
    return session;
  }

  /** Sends one message (tests send from one thread). */
  public void send(SessionRequest request) {
    requests.onNext(request);
  }

  /** Leaves the session. */
  public void leave() {
    requests.onCompleted();
  }

  /** The next event matching {@code wanted}, skipping others; fails after 15 seconds. */
  public SessionEvent await(Predicate<SessionEvent> wanted) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < end) {
      SessionEvent event = received.poll(100, TimeUnit.MILLISECONDS);
      if (event != null && wanted.test(event)) {
        return event;
      }
      if (event == null && (error != null || completed)) {
        break;
      }
    }
    assertNotNull(null, "no matching session event; stream error: " + error);
    return null;
  }

  /** The next event, or null when none came within {@code timeout}. */
  public SessionEvent poll(long timeout, TimeUnit unit) throws InterruptedException {
    return received.poll(timeout, unit);
  }

  /** True once the stream ended (by the server, an error, or a broken connection). */
  public boolean ended() {
    return error != null || completed;
  }

  /** Waits for the start of {@code phase} of any day; returns that day. */
  public long awaitPhase(Phase phase) throws InterruptedException {
    return await(e -> e.hasPhaseStarted() && e.getPhaseStarted().getPhase() == phase)
        .getPhaseStarted()
        .getDay();
  }

  /** Waits until the stream ends; returns its status (OK when the server completed it). */
  public io.grpc.Status awaitEnd() throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (error == null && !completed && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    assertNotNull(error != null || completed ? "ended" : null, "the stream did not end");
    return error == null ? io.grpc.Status.OK : io.grpc.Status.fromThrowable(error);
  }

  /** The error that ended the stream, if any. */
  public Throwable error() {
    return error;
  }

  @Override
  public void onNext(SessionEvent event) {
    received.add(event);
  }

  @Override
  public void onError(Throwable t) {
    error = t;
  }

  @Override
  public void onCompleted() {
    completed = true;
  }
}

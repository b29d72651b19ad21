package energy.market.server;

import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.Phase;
import energy.market.api.v1.SessionEvent;
import energy.market.api.v1.SessionRequest;
import energy.market.client.MarketCredentials;
import energy.market.testing.Await;
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

  /** Opens Market/Connect with {@code credentials} and sends {@code hello}. */
  public static TestSession connect(
      Channel channel, MarketCredentials credentials, SessionRequest hello) {
    TestSession session = new TestSession();
    session.requests =
        MarketGrpc.newStub(channel).withCallCredentials(credentials).connect(session);
    session.send(hello);
    return session;
  }

  /** Opens Market/FollowSession for one home, registered with {@code secret}. */
  public static TestSession follow(Channel channel, long homeId, String secret) {
    TestSession session = new TestSession();
    MarketGrpc.newStub(channel)
        .withCallCredentials(MarketCredentials.home(secret))
        .followSession(
            energy.market.api.v1.FollowSessionRequest.newBuilder().setHomeId(homeId).build(),
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

  /**
   * The next event matching {@code wanted}, skipping others; fails, saying how the stream stands,
   * when none comes within {@link Await#SHORT} or the stream ends first.
   */
  public SessionEvent await(Predicate<SessionEvent> wanted) throws InterruptedException {
    long end = System.nanoTime() + Await.SHORT.toNanos();
    while (System.nanoTime() - end < 0) {
      SessionEvent event = received.poll(100, TimeUnit.MILLISECONDS);
      if (event != null && wanted.test(event)) {
        return event;
      }
      if (event == null && ended()) {
        throw new AssertionError("the stream ended before a matching event: " + endState());
      }
    }
    throw new AssertionError("no matching session event within " + Await.SHORT + ": " + endState());
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
    Await.until("the end of the session stream", this::ended, Await.SHORT);
    return error == null ? io.grpc.Status.OK : io.grpc.Status.fromThrowable(error);
  }

  private String endState() {
    return error != null ? "stream error " + error : completed ? "completed" : "still open";
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

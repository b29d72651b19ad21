package energy.market.client;

import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.SessionEvent;
import energy.market.api.v1.SessionHello;
import energy.market.api.v1.SessionRequest;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Keeps one {@code Market/Connect} session open for a client (a process of homes, a daemon):
 * connects, hands every event to the {@link Handler}, and when the stream breaks reconnects with
 * exponential backoff, until {@link #close()}. A retry comes early when the channel connects again
 * before its delay is over ({@link ReadyWatch}), so a client is back as soon as its market is.
 *
 * <p>Everything (connecting, handling, sending) runs on one named thread: the handler needs no
 * locks, may block on unary calls, and the outgoing stream's calls stay serialized. Events of a
 * stream that was replaced meanwhile are dropped.
 */
public final class SessionLoop implements AutoCloseable {

  /** What the client does on the loop's thread. */
  public interface Handler {
    /**
     * Prepares a connection (for example registers homes).
     *
     * @return the hello to open the session with, or null to give up for good
     * @throws StatusRuntimeException to try again after the backoff
     */
    SessionHello connecting() throws InterruptedException;

    /** An event of the current session; answer with {@link SessionLoop#send}. */
    void onEvent(SessionEvent event);

    /**
     * The session ended or could not open; the loop tries again after {@code retryIn} at the
     * latest. Told once per outage, and again only when the reason changes: retries come about
     * every second, and a line for each would drown the console.
     */
    void onLost(Status status, Duration retryIn);
  }

  private final MarketGrpc.MarketStub stub;
  private final Handler handler;
  private final Backoff backoff = Backoff.standard();
  private final ReadyWatch ready;
  private final ScheduledThreadPoolExecutor thread;
  private volatile boolean closed;
  private StreamObserver<SessionRequest> outgoing;
  private long generation;
  private long retries; // retries planned so far
  private long pendingRetry; // the planned retry that has not run yet, 0 when none
  private String lastLoss; // the loss last told to the handler, null once connected

  /**
   * @param channel the channel to the market (the caller owns and shuts it down)
   * @param credentials who the session speaks for (a home secret, or the operator)
   * @param threadName the name of the loop's thread
   * @param handler what the client does
   */
  public SessionLoop(
      Channel channel, MarketCredentials credentials, String threadName, Handler handler) {
    // The stream's callbacks only hand the event to the loop's thread (see Events): they run on
    // the transport's thread rather than on gRPC's executor, one hand-off less per message. A
    // process of a few homes sees a few messages a day, too few for the compiler, and gRPC's
    // executor threads had a fifth of such a process's CPU over a run's days (async-profiler).
    this.stub =
        MarketGrpc.newStub(channel)
            .withCallCredentials(credentials)
            .withExecutor(MoreExecutors.directExecutor());
    this.handler = handler;
    this.ready = new ReadyWatch(channel);
    this.thread =
        new ScheduledThreadPoolExecutor(
            1, new ThreadFactoryBuilder().setNameFormat(threadName).setDaemon(true).build());
    thread.setRemoveOnCancelPolicy(true);
  }

  /** Connects, in the background. */
  public void start() {
    submit(this::connect);
  }

  /** Sends a message on the current session; call it from the handler. */
  public void send(SessionRequest request) {
    if (outgoing != null && !closed) {
      outgoing.onNext(request);
    }
  }

  /**
   * Starts the backoff again from its shortest delay, and the next loss is told again; call it once
   * a session is accepted.
   */
  public void resetBackoff() {
    backoff.reset();
    lastLoss = null;
  }

  private void connect() {
    if (closed) {
      return;
    }
    SessionHello hello;
    try {
      hello = handler.connecting();
    } catch (StatusRuntimeException e) {
      retryLater(e.getStatus());
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (hello == null) {
      return;
    }
    long streamGeneration = ++generation;
    outgoing = stub.connect(new Events(streamGeneration));
    outgoing.onNext(SessionRequest.newBuilder().setHello(hello).build());
  }

  private void lost(Status status) {
    outgoing = null;
    retryLater(status);
  }

  private void retryLater(Status status) {
    if (closed) {
      return;
    }
    Duration delay = backoff.next();
    String loss = status.getCode() + ": " + status.getDescription();
    if (!loss.equals(lastLoss)) {
      lastLoss = loss;
      handler.onLost(status, delay);
    }
    long retry = ++retries;
    pendingRetry = retry;
    thread.schedule(() -> retry(retry), delay.toMillis(), TimeUnit.MILLISECONDS);
    ready.onNextReady(() -> submit(() -> retry(retry)));
  }

  /** Runs a planned retry once, whichever of its delay and the channel's return comes first. */
  private void retry(long retry) {
    if (retry == pendingRetry) {
      pendingRetry = 0;
      connect();
    }
  }

  private void submit(Runnable task) {
    try {
      thread.execute(task);
    } catch (RejectedExecutionException e) {
      // closing: nothing more to do
    }
  }

  /** Ends the session cleanly and stops reconnecting. */
  @Override
  public void close() {
    closed = true;
    ready.cancel();
    submit(
        () -> {
          if (outgoing != null) {
            outgoing.onCompleted();
            outgoing = null;
          }
        });
    thread.shutdown();
    try {
      if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Moves one stream's callbacks onto the loop's thread. */
  private final class Events implements StreamObserver<SessionEvent> {
    private final long streamGeneration;

    Events(long streamGeneration) {
      this.streamGeneration = streamGeneration;
    }

    @Override
    public void onNext(SessionEvent event) {
      onLoop(() -> handler.onEvent(event));
    }

    @Override
    public void onError(Throwable t) {
      onLoop(() -> lost(Status.fromThrowable(t)));
    }

    @Override
    public void onCompleted() {
      onLoop(() -> lost(Status.UNAVAILABLE.withDescription("the market ended the session")));
    }

    private void onLoop(Runnable task) {
      submit(
          () -> {
            if (streamGeneration == generation && !closed) {
              task.run();
            }
          });
    }
  }
}

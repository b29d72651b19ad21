package energy.market.launcher.feed;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import energy.market.api.v1.GetMarketStateRequest;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.StreamPricesRequest;
import energy.market.client.Backoff;
import energy.market.client.ReadyWatch;
import energy.market.launcher.model.DayRecord;
import energy.market.launcher.model.MarketStatus;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows a market's price feed ({@code Market/StreamPrices}): every closed day from a given one
 * on, as {@link DayRecord}s. Optionally reconnects with backoff when the market goes away, resuming
 * after the last day it delivered; a retry comes early when the channel connects again ({@link
 * ReadyWatch}).
 */
public final class MarketFeed implements AutoCloseable {
  /** Receives the feed; called on gRPC threads, one call at a time. */
  public interface Listener {
    /** A day closed. */
    void day(DayRecord day);

    /**
     * The stream broke; when reconnecting, a new attempt follows. Told once per outage, and again
     * only when the reason changes.
     */
    default void disconnected(String reason) {}

    /** Reconnected after {@link #disconnected}: the market answers again and is in this state. */
    default void connected(MarketStatus status) {}
  }

  private static final Duration STATUS_DEADLINE = Duration.ofSeconds(5);

  private final Channel channel;
  private final boolean reconnect;
  private final ScheduledExecutorService retries;
  private final Backoff backoff = Backoff.standard();
  private final ReadyWatch ready;
  // Everything below is guarded by this.
  private Listener listener;
  private ClientCallStreamObserver<StreamPricesRequest> call;
  private long nextDay;
  private boolean closed;
  private long retriesPlanned;
  private long pendingRetry; // the planned retry that has not run yet, 0 when none
  private String lastLoss; // the loss last told to the listener, null once connected

  /**
   * @param channel the market; its owner shuts it down
   * @param reconnect follow again after the stream breaks
   */
  public MarketFeed(Channel channel, boolean reconnect) {
    this.channel = channel;
    this.reconnect = reconnect;
    this.ready = new ReadyWatch(channel);
    this.retries =
        Executors.newSingleThreadScheduledExecutor(
            new ThreadFactoryBuilder().setNameFormat("market-feed-%d").setDaemon(true).build());
  }

  /** The market's state now ({@code Market/GetMarketState}). */
  public MarketStatus status(Duration deadline) {
    return ProtoValues.status(
        MarketGrpc.newBlockingStub(channel)
            .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
            .getMarketState(GetMarketStateRequest.getDefaultInstance()));
  }

  /**
   * Starts following: replays the closed days from {@code fromDay} (at least 1), then goes on live.
   */
  public synchronized void follow(long fromDay, Listener listener) {
    this.listener = listener;
    this.nextDay = Math.max(1, fromDay);
    subscribe();
  }

  private synchronized void subscribe() {
    if (closed) {
      return;
    }
    MarketGrpc.newStub(channel)
        .streamPrices(
            StreamPricesRequest.newBuilder().setFromDay(nextDay).build(),
            new ClientResponseObserver<StreamPricesRequest, PriceTick>() {
              @Override
              public void beforeStart(ClientCallStreamObserver<StreamPricesRequest> stream) {
                call = stream;
              }

              @Override
              public void onNext(PriceTick tick) {
                delivered(tick);
              }

              @Override
              public void onError(Throwable t) {
                broken(describe(Status.fromThrowable(t)));
              }

              @Override
              public void onCompleted() {
                broken("the market ended the price stream");
              }
            });
  }

  private void delivered(PriceTick tick) {
    Listener target;
    synchronized (this) {
      if (closed || tick.getDay() < nextDay) {
        return;
      }
      nextDay = tick.getDay() + 1;
      backoff.reset();
      target = listener;
    }
    target.day(ProtoValues.day(tick));
  }

  private void broken(String reason) {
    Listener target;
    synchronized (this) {
      if (closed) {
        return;
      }
      planRetry();
      if (reason.equals(lastLoss)) {
        return;
      }
      lastLoss = reason;
      target = listener;
    }
    target.disconnected(reason);
  }

  private synchronized void planRetry() {
    if (!reconnect) {
      return;
    }
    long retry = ++retriesPlanned;
    pendingRetry = retry;
    retries.schedule(() -> resubscribe(retry), backoff.next().toMillis(), TimeUnit.MILLISECONDS);
    ready.onNextReady(
        () -> {
          try {
            retries.execute(() -> resubscribe(retry));
          } catch (RejectedExecutionException e) {
            // closed meanwhile
          }
        });
  }

  /**
   * A planned retry, run once, whichever of its delay and the channel's return comes first. It asks
   * the market's state first, so that the listener hears at once that the market is back (and where
   * it stands), not only at the next day's close.
   */
  private void resubscribe(long retry) {
    Listener target;
    synchronized (this) {
      if (closed || retry != pendingRetry) {
        return;
      }
      pendingRetry = 0;
      target = listener;
    }
    MarketStatus status;
    try {
      status = status(STATUS_DEADLINE);
    } catch (StatusRuntimeException e) {
      broken(describe(e.getStatus()));
      return;
    }
    synchronized (this) {
      if (closed) {
        return;
      }
      lastLoss = null;
    }
    target.connected(status);
    subscribe();
  }

  private static String describe(Status status) {
    return status.getCode()
        + (status.getDescription() == null ? "" : ": " + status.getDescription());
  }

  /** Stops following and cancels the stream, so the market need not wait for it to end. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      ready.cancel();
      if (call != null) {
        call.cancel("the watcher stopped", null);
      }
    }
    retries.shutdownNow();
  }
}

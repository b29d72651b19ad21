package energy.market.launcher.feed;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import energy.market.api.v1.GetMarketStateRequest;
import energy.market.api.v1.MarketGrpc;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.StreamPricesRequest;
import energy.market.client.Backoff;
import energy.market.launcher.model.DayRecord;
import energy.market.launcher.model.MarketStatus;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows a market's price feed ({@code Market/StreamPrices}): every closed day from a given one
 * on, as {@link DayRecord}s. Optionally reconnects with backoff when the market goes away, resuming
 * after the last day it delivered.
 */
public final class MarketFeed implements AutoCloseable {
  /** Receives the feed; called on gRPC threads, one call at a time. */
  public interface Listener {
    /** A day closed. */
    void day(DayRecord day);

    /** The stream broke; when reconnecting, a new attempt follows. */
    default void disconnected(String reason) {}
  }

  private final Channel channel;
  private final boolean reconnect;
  private final ScheduledExecutorService retries;
  private final Backoff backoff = Backoff.standard();
  private Listener listener;
  private ClientCallStreamObserver<StreamPricesRequest> call;
  private long nextDay;
  private boolean closed;

  /**
   * @param channel the market; its owner shuts it down
   * @param reconnect follow again after the stream breaks
   */
  public MarketFeed(Channel channel, boolean reconnect) {
    this.channel = channel;
    this.reconnect = reconnect;
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
                broken(Status.fromThrowable(t).getCode() + ": " + Status.fromThrowable(t));
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
    Duration delay;
    synchronized (this) {
      if (closed) {
        return;
      }
      target = listener;
      delay = backoff.next();
      if (reconnect) {
        retries.schedule(this::subscribe, delay.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
    target.disconnected(reason);
  }

  /** Stops following and cancels the stream, so the market need not wait for it to end. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (call != null) {
        call.cancel("the watcher stopped", null);
      }
    }
    retries.shutdownNow();
  }
}

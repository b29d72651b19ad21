package energy.market.weather.grpc;

import energy.market.api.v1.StreamWeatherRequest;
import energy.market.api.v1.WeatherGrpc;
import energy.market.api.v1.WeatherReport;
import energy.market.weather.model.WeatherHistory;
import energy.market.weather.model.WeatherHistory.Next;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code Weather/StreamWeather}: replays the retained days from {@code from_day}, then goes on
 * live.
 *
 * <p>Each subscriber is a cursor into the shared {@link WeatherHistory}: it is sent the next day
 * only while its call is ready (flow control), so nothing queues per subscriber beyond the
 * transport's own small window. A subscriber so slow that the day it needs next was evicted from
 * the history is ended with {@code RESOURCE_EXHAUSTED}.
 */
public final class WeatherStreamService extends WeatherGrpc.WeatherImplBase {
  private final WeatherHistory history;
  private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
  private volatile boolean shuttingDown;

  /**
   * @param history the published days this service streams
   */
  public WeatherStreamService(WeatherHistory history) {
    this.history = history;
  }

  @Override
  public void streamWeather(
      StreamWeatherRequest request, StreamObserver<WeatherReport> responseObserver) {
    ServerCallStreamObserver<WeatherReport> call =
        (ServerCallStreamObserver<WeatherReport>) responseObserver;
    long fromDay = request.getFromDay();
    if (fromDay < 0) {
      call.onError(
          Status.INVALID_ARGUMENT
              .withDescription("from_day " + fromDay + " must be 0 (live only) or a day >= 1")
              .asRuntimeException());
      return;
    }
    if (shuttingDown) {
      call.onError(unavailable().asRuntimeException());
      return;
    }
    Subscriber subscriber = new Subscriber(call);
    call.setOnCancelHandler(subscriber::cancelled);
    call.setOnReadyHandler(subscriber::drain);
    subscribers.add(subscriber);
    subscriber.start(history.subscribe(fromDay, subscriber::drain));
    if (shuttingDown) {
      subscriber.end(unavailable());
    }
  }

  /** Ends every stream with {@code UNAVAILABLE}, so clients reconnect to the next daemon. */
  public void shutdown() {
    shuttingDown = true;
    for (Subscriber subscriber : subscribers) {
      subscriber.end(unavailable());
    }
  }

  /** The number of open streams. */
  public int subscriberCount() {
    return subscribers.size();
  }

  private static Status unavailable() {
    return Status.UNAVAILABLE.withDescription("the weather daemon is shutting down");
  }

  /** One open stream. Its methods are synchronized, which serializes every onNext of the call. */
  private final class Subscriber {
    private final ServerCallStreamObserver<WeatherReport> call;
    private WeatherHistory.Subscription subscription;
    private long lastSentDay;
    private boolean done;

    Subscriber(ServerCallStreamObserver<WeatherReport> call) {
      this.call = call;
    }

    synchronized void start(WeatherHistory.Subscription subscription) {
      if (done) {
        subscription.close(); // ended (cancelled or shut down) before it began
        return;
      }
      this.subscription = subscription;
      this.lastSentDay = subscription.startAfter();
      drain();
    }

    /** Sends what the call can take now; runs on each publication and each onReady. */
    synchronized void drain() {
      if (done || subscription == null) {
        return;
      }
      while (true) {
        Next next = history.nextAfter(lastSentDay);
        if (next instanceof Next.Evicted evicted) {
          end(
              Status.RESOURCE_EXHAUSTED.withDescription(
                  "subscriber fell too far behind: days after "
                      + lastSentDay
                      + " up to "
                      + evicted.evictedThrough()
                      + " left the daemon's "
                      + history.capacity()
                      + "-day history before it read them; reconnect with a later from_day"));
          return;
        }
        if (!(next instanceof Next.Found found) || !call.isReady()) {
          return;
        }
        call.onNext(WeatherReports.toProto(found.weather()));
        lastSentDay = found.weather().day();
      }
    }

    synchronized void cancelled() {
      release();
    }

    synchronized void end(Status status) {
      if (done) {
        return;
      }
      release();
      if (!call.isCancelled()) {
        call.onError(status.asRuntimeException());
      }
    }

    private void release() {
      done = true;
      if (subscription != null) {
        subscription.close();
      }
      subscribers.remove(this);
    }
  }
}

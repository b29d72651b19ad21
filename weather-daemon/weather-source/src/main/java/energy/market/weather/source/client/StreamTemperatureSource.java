package energy.market.weather.source.client;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import energy.market.api.v1.StreamWeatherRequest;
import energy.market.api.v1.WeatherGrpc;
import energy.market.api.v1.WeatherReport;
import energy.market.client.Backoff;
import energy.market.client.Channels;
import energy.market.client.ClientTls;
import energy.market.client.ReadyWatch;
import energy.market.weather.source.TemperatureReading;
import energy.market.weather.source.TemperatureSource;
import energy.market.weather.source.WeatherSourceKind;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.TreeMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code --weather stream}: follows the daemon's {@code Weather/StreamWeather} feed and answers
 * from the days received. The stream starts at the first day asked for (the daemon replays it if it
 * was already published), keeps the newest {@value #RETAINED_DAYS} days, and reconnects with
 * backoff (or as soon as the channel connects again) from the day after the last one received.
 * While the stream is down a read answers empty at once instead of waiting.
 */
public final class StreamTemperatureSource implements TemperatureSource {
  /** How many received days are kept for late readers. */
  public static final int RETAINED_DAYS = 64;

  private final WeatherGrpc.WeatherStub stub;
  private final String target;
  private final ManagedChannel ownedChannel;
  private final ScheduledThreadPoolExecutor worker;
  private final ReadyWatch ready;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  // Everything below is guarded by lock.
  private final TreeMap<Long, Double> received = new TreeMap<>();
  private final Backoff backoff = Backoff.standard();
  private long firstWanted; // 0 until the first read starts the stream
  private long newestDay;
  private boolean down;
  private String lastError = "";
  private long generation;
  private ClientCallStreamObserver<StreamWeatherRequest> call;
  private boolean closed;

  /**
   * @param channel the channel to the weather daemon; the caller owns and shuts it down
   * @param target the daemon's address, for messages
   */
  public StreamTemperatureSource(Channel channel, String target) {
    this(channel, target, null);
  }

  private StreamTemperatureSource(Channel channel, String target, ManagedChannel ownedChannel) {
    this.stub = WeatherGrpc.newStub(channel);
    this.target = target;
    this.ownedChannel = ownedChannel;
    this.ready = new ReadyWatch(channel);
    this.worker =
        new ScheduledThreadPoolExecutor(
            1,
            new ThreadFactoryBuilder().setNameFormat("weather-stream-%d").setDaemon(true).build());
    this.worker.setRemoveOnCancelPolicy(true);
  }

  /**
   * A source with a channel of its own to {@code target} ({@code host:port}), shut down on {@link
   * #close()}. Nothing connects until the first read.
   */
  public static StreamTemperatureSource open(String target) {
    return open(target, ClientTls.PLAINTEXT);
  }

  /** As {@link #open(String)}, over TLS when {@code tls} says so. */
  public static StreamTemperatureSource open(String target, ClientTls tls) {
    ManagedChannel channel = Channels.open(target, tls);
    return new StreamTemperatureSource(channel, target, channel);
  }

  @Override
  public TemperatureReading read(long day, Duration wait) throws InterruptedException {
    long left = wait.toNanos();
    lock.lock();
    try {
      if (firstWanted == 0 && !closed) {
        firstWanted = day;
        worker.execute(this::connect);
      }
      while (true) {
        Double celsius = received.get(day);
        if (celsius != null) {
          return TemperatureReading.of(day, celsius, WeatherSourceKind.STREAM);
        }
        String why = missingReason(day);
        if (why != null) {
          return TemperatureReading.unavailable(day, WeatherSourceKind.STREAM, why);
        }
        if (left <= 0) {
          return TemperatureReading.unavailable(
              day,
              WeatherSourceKind.STREAM,
              "weather stream "
                  + target
                  + " sent no day "
                  + day
                  + " within "
                  + wait.toMillis()
                  + " ms");
        }
        left = changed.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Why the day cannot come any more, or null while it still may. Called with the lock held. */
  private String missingReason(long day) {
    if (closed) {
      return "weather stream " + target + " is closed";
    }
    if (day < firstWanted) {
      return "day " + day + " is before day " + firstWanted + ", where this stream started";
    }
    if (day <= newestDay) {
      return "weather stream " + target + " is already at day " + newestDay + " without day " + day;
    }
    if (down) {
      return "weather stream " + target + " is down: " + lastError;
    }
    return null;
  }

  private void connect() {
    StreamWeatherRequest request;
    long myGeneration;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      myGeneration = ++generation;
      down = false;
      request =
          StreamWeatherRequest.newBuilder()
              .setFromDay(newestDay > 0 ? newestDay + 1 : firstWanted)
              .build();
    } finally {
      lock.unlock();
    }
    stub.streamWeather(request, new Reports(myGeneration));
  }

  private void onStarted(long streamGeneration, ClientCallStreamObserver<StreamWeatherRequest> c) {
    boolean cancel;
    lock.lock();
    try {
      cancel = closed;
      if (!closed && streamGeneration == generation) {
        call = c;
      }
    } finally {
      lock.unlock();
    }
    if (cancel) {
      c.cancel("temperature source closed", null); // close() ran while this call was starting
    }
  }

  private void onReport(long streamGeneration, WeatherReport report) {
    lock.lock();
    try {
      if (streamGeneration != generation || closed || report.getDay() < 1) {
        return;
      }
      received.put(report.getDay(), report.getTemperatureCelsius());
      while (received.size() > RETAINED_DAYS) {
        received.pollFirstEntry();
      }
      newestDay = Math.max(newestDay, report.getDay());
      backoff.reset();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void onEnded(long streamGeneration, Throwable error) {
    lock.lock();
    try {
      if (streamGeneration != generation || closed) {
        return;
      }
      down = true;
      call = null;
      if (error == null) {
        lastError = "the daemon ended the stream";
      } else {
        Status status = Status.fromThrowable(error);
        lastError =
            status.getCode()
                + (status.getDescription() == null ? "" : " (" + status.getDescription() + ")");
      }
      changed.signalAll();
      long delay = backoff.next().toMillis();
      if (!worker.isShutdown()) {
        worker.schedule(() -> reconnect(streamGeneration), delay, TimeUnit.MILLISECONDS);
        ready.onNextReady(
            () -> {
              try {
                worker.execute(() -> reconnect(streamGeneration));
              } catch (RejectedExecutionException e) {
                // closed meanwhile
              }
            });
      }
    } finally {
      lock.unlock();
    }
  }

  /** Opens a new stream after {@code ended} broke, once, whichever retry comes first. */
  private void reconnect(long ended) {
    lock.lock();
    try {
      if (generation != ended) {
        return;
      }
    } finally {
      lock.unlock();
    }
    connect();
  }

  @Override
  public WeatherSourceKind kind() {
    return WeatherSourceKind.STREAM;
  }

  @Override
  public void close() {
    ClientCallStreamObserver<StreamWeatherRequest> toCancel;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      ready.cancel();
      toCancel = call;
      call = null;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (toCancel != null) {
      toCancel.cancel("temperature source closed", null);
    }
    worker.shutdownNow();
    if (ownedChannel != null) {
      ownedChannel.shutdown();
      try {
        if (!ownedChannel.awaitTermination(2, TimeUnit.SECONDS)) {
          ownedChannel.shutdownNow();
        }
      } catch (InterruptedException e) {
        ownedChannel.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Receives one stream's reports; ignores them once a newer stream replaced it. */
  private final class Reports
      implements ClientResponseObserver<StreamWeatherRequest, WeatherReport> {
    private final long streamGeneration;

    Reports(long streamGeneration) {
      this.streamGeneration = streamGeneration;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<StreamWeatherRequest> requestStream) {
      onStarted(streamGeneration, requestStream);
    }

    @Override
    public void onNext(WeatherReport report) {
      onReport(streamGeneration, report);
    }

    @Override
    public void onError(Throwable t) {
      onEnded(streamGeneration, t);
    }

    @Override
    public void onCompleted() {
      onEnded(streamGeneration, null);
    }
  }
}

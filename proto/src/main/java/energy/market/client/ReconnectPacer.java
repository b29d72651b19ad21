package energy.market.client;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a channel trying to reach its server at a steady pace while the server is away, however
 * long it stays away.
 *
 * <p>grpc-java waits between connection attempts by a backoff of its own (1 s growing x1.6 up to
 * 120 s) that only a connection that succeeds resets, and while it waits every call fails at once
 * with {@code UNAVAILABLE}, even when the server is back. So the longer an outage, the later a
 * client noticed the server's return: 20 s and more after a minute. The pacer watches the channel
 * and, for as long as it stays in {@code TRANSIENT_FAILURE}, cuts that wait short ({@link
 * ManagedChannel#resetConnectBackoff()}) after its own, short, jittered delay: 100 ms doubling to
 * 500 ms. A connection attempt to a host that is down costs it one refused TCP connect, so a
 * thousand processes waiting for a market cost it a few thousand of those a second.
 */
final class ReconnectPacer {
  /** The first delay after the channel fails. */
  static final Duration FIRST = Duration.ofMillis(100);

  /** The longest delay between two attempts. */
  static final Duration LONGEST = Duration.ofMillis(500);

  /** One daemon thread paces every channel of the process; each pacing step is a few calls. */
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          new ThreadFactoryBuilder().setNameFormat("channel-reconnect").setDaemon(true).build());

  private final ManagedChannel channel;
  private final Backoff backoff = new Backoff(FIRST, LONGEST, new Random());
  private boolean pacing; // guarded by this

  private ReconnectPacer(ManagedChannel channel) {
    this.channel = channel;
  }

  /** Paces {@code channel} until it is shut down; returns it. */
  static ManagedChannel attach(ManagedChannel channel) {
    new ReconnectPacer(channel).watch(channel.getState(false));
    return channel;
  }

  private void watch(ConnectivityState seen) {
    if (seen != ConnectivityState.SHUTDOWN) {
      channel.notifyWhenStateChanged(seen, this::changed);
    }
  }

  private void changed() {
    ConnectivityState now = channel.getState(false);
    if (now == ConnectivityState.TRANSIENT_FAILURE) {
      startPacing();
    } else if (now == ConnectivityState.READY) {
      synchronized (this) {
        backoff.reset();
      }
    }
    watch(now);
  }

  private synchronized void startPacing() {
    if (!pacing) {
      pacing = true;
      scheduleNext();
    }
  }

  /** One step: while the channel still fails, try again now and plan the next step. */
  private void step() {
    ConnectivityState now = channel.getState(false);
    synchronized (this) {
      if (now != ConnectivityState.TRANSIENT_FAILURE) {
        // Connected, connecting or shut down: the state watch starts pacing again when needed.
        pacing = false;
        return;
      }
      scheduleNext();
    }
    channel.resetConnectBackoff();
  }

  private void scheduleNext() {
    TIMER.schedule(this::step, backoff.next().toMillis(), TimeUnit.MILLISECONDS);
  }
}

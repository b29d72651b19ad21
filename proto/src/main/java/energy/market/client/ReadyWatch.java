package energy.market.client;

import io.grpc.Channel;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;

/**
 * Tells a reconnecting client the moment its channel connects again, so that it need not sit out
 * the rest of its backoff: the client retries after its delay or on this signal, whichever comes
 * first.
 *
 * <p>Only a change to {@code READY} counts: a channel that is ready already (the call failed for
 * another reason than the connection) signals nothing, and the client's delay paces its retries. A
 * channel that cannot report its state (not a {@link ManagedChannel}) never signals. At most one
 * state watch is outstanding per instance, however many retries wait on it.
 */
public final class ReadyWatch {
  private final ManagedChannel channel; // null when the channel cannot report its state
  private Runnable pending; // guarded by this
  private boolean watching; // guarded by this

  /**
   * @param channel the channel the client uses
   */
  public ReadyWatch(Channel channel) {
    this.channel = channel instanceof ManagedChannel managed ? managed : null;
  }

  /**
   * Runs {@code action} once, when the channel next turns {@code READY}, on a gRPC thread (hand
   * real work to the client's own thread); it replaces an action still waiting. Asks an idle
   * channel to connect.
   */
  public void onNextReady(Runnable action) {
    if (channel == null) {
      return;
    }
    synchronized (this) {
      pending = action;
      if (watching) {
        return;
      }
      watching = true;
    }
    watch(channel.getState(true));
  }

  /** Forgets the waiting action, if any. */
  public synchronized void cancel() {
    pending = null;
  }

  private void watch(ConnectivityState seen) {
    channel.notifyWhenStateChanged(seen, this::changed);
  }

  private void changed() {
    ConnectivityState now = channel.getState(false);
    if (now != ConnectivityState.READY && now != ConnectivityState.SHUTDOWN) {
      watch(now);
      return;
    }
    Runnable ready;
    synchronized (this) {
      ready = now == ConnectivityState.READY ? pending : null;
      pending = null;
      watching = false;
    }
    if (ready != null) {
      ready.run();
    }
  }
}

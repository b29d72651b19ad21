package energy.market.client;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The one way a process stops cleanly on SIGINT, SIGTERM or SIGHUP: a JVM shutdown hook that runs
 * the process's stop, which a command removes and runs itself when it ends on its own.
 */
public final class ShutdownHook {
  /** The hooks installed and not removed: the ones the JVM runs if it is asked to exit. */
  private static final Set<ShutdownHook> INSTALLED = ConcurrentHashMap.newKeySet();

  private final Thread thread;
  private final CountDownLatch stopped;

  private ShutdownHook(Thread thread, CountDownLatch stopped) {
    this.thread = thread;
    this.stopped = stopped;
  }

  /**
   * Installs {@code stop} to run when the JVM is asked to exit.
   *
   * @param name the hook thread's name, for thread dumps
   * @param stop what stops the process: servers, sessions, channels, in that order
   */
  public static ShutdownHook install(String name, Runnable stop) {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread thread =
        new Thread(
            () -> {
              try {
                stop.run();
                // Idle transport threads would hold the exit up (see EventLoops).
                EventLoops.shutdown();
              } finally {
                stopped.countDown();
              }
            },
            name);
    ShutdownHook hook = new ShutdownHook(thread, stopped);
    INSTALLED.add(hook);
    Runtime.getRuntime().addShutdownHook(thread);
    return hook;
  }

  /**
   * When the JVM is exiting on a signal, waits (at most {@code timeout}) for the installed hooks to
   * finish their stop; returns at once otherwise. For a process's last steps: ending the transport
   * threads under a hook that still closes a channel left that channel waiting out its grace, and
   * the server at its other end waiting for it (a second more at the end of one run in 25).
   */
  public static void awaitStops(Duration timeout) throws InterruptedException {
    if (!jvmExiting()) {
      return;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ShutdownHook hook : INSTALLED) {
      hook.stopped.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
  }

  /** Whether the JVM runs its shutdown hooks: it then takes no new one. */
  private static boolean jvmExiting() {
    Thread probe = new Thread(() -> {}, "shutdown-probe");
    try {
      Runtime.getRuntime().addShutdownHook(probe);
    } catch (IllegalStateException exiting) {
      return true;
    }
    Runtime.getRuntime().removeShutdownHook(probe);
    return false;
  }

  /**
   * Removes the hook so the command can stop by itself.
   *
   * @return false when the JVM is already stopping: the hook runs (or ran) the stop instead
   */
  public boolean remove() {
    try {
      Runtime.getRuntime().removeShutdownHook(thread);
      INSTALLED.remove(this);
      return true;
    } catch (IllegalStateException shuttingDown) {
      return false;
    }
  }
}

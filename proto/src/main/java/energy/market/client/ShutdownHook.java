package energy.market.client;

/**
 * The one way a process stops cleanly on SIGINT, SIGTERM or SIGHUP: a JVM shutdown hook that runs
 * the process's stop, which a command removes and runs itself when it ends on its own.
 */
public final class ShutdownHook {
  private final Thread thread;

  private ShutdownHook(Thread thread) {
    this.thread = thread;
  }

  /**
   * Installs {@code stop} to run when the JVM is asked to exit.
   *
   * @param name the hook thread's name, for thread dumps
   * @param stop what stops the process: servers, sessions, channels, in that order
   */
  public static ShutdownHook install(String name, Runnable stop) {
    Thread thread =
        new Thread(
            () -> {
              stop.run();
              // Idle transport threads would hold the exit up (see EventLoops).
              EventLoops.shutdown();
            },
            name);
    Runtime.getRuntime().addShutdownHook(thread);
    return new ShutdownHook(thread);
  }

  /**
   * Removes the hook so the command can stop by itself.
   *
   * @return false when the JVM is already stopping: the hook runs (or ran) the stop instead
   */
  public boolean remove() {
    try {
      Runtime.getRuntime().removeShutdownHook(thread);
      return true;
    } catch (IllegalStateException shuttingDown) {
      return false;
    }
  }
}

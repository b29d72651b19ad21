package energy.market.launcher.simulate;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Decides how a run ends: the first of its last day closing, a child dying while needed, a start
 * that fails or a stop signal. Everything after the first is ignored; once stopping has begun,
 * children ending are expected.
 */
final class RunMonitor {
  private final CompletableFuture<Ending> ending = new CompletableFuture<>();
  private volatile boolean stopping;
  private volatile long lastDay;

  /** The last closed day seen. */
  long lastDay() {
    return lastDay;
  }

  void dayClosed(long day) {
    lastDay = Math.max(lastDay, day);
  }

  void completed(String message) {
    ending.complete(Ending.completed(message));
  }

  void startupFailed(String message) {
    ending.complete(Ending.startupFailed(message));
  }

  /**
   * A stop signal arrived.
   *
   * @return true for the first, false when the run was already ending
   */
  boolean signal(String name) {
    String what =
        switch (name) {
          case "INT" -> "interrupted (SIGINT)";
          case "HUP" -> "hung up (SIGHUP)";
          default -> "terminated (SIG" + name + ")";
        };
    return ending.complete(Ending.signal(name, what + " after day " + lastDay));
  }

  /** A child ended; unexpected unless the run is stopping or homes left after their last day. */
  void childExited(Child child, int code) {
    if (stopping || (child.spec().isHomes() && code == 0)) {
      return;
    }
    ending.complete(
        Ending.childDied(
            child.spec().role()
                + " process "
                + child.name()
                + " (pid "
                + child.pid()
                + ") ended unexpectedly with exit code "
                + code
                + describe(code)
                + " after day "
                + lastDay
                + "; see "
                + child.log()));
  }

  private static String describe(int code) {
    return switch (code) {
      case 137 -> " (SIGKILL)";
      case 143 -> " (SIGTERM)";
      case 130 -> " (SIGINT)";
      default -> "";
    };
  }

  /** From now on children ending are expected. */
  void stopping() {
    stopping = true;
  }

  boolean isOver() {
    return ending.isDone();
  }

  /** Waits for the ending. */
  Ending await() throws InterruptedException {
    try {
      return ending.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Waits until {@code condition} holds, polling. Returns false, with the run ended, when it does
   * not within {@code timeout} (a failed start naming {@code what}) or when the run ends meanwhile.
   */
  boolean waitFor(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (isOver()) {
        return false;
      }
      if (System.nanoTime() > deadline) {
        startupFailed(what + " within " + timeout.toSeconds() + " s");
        return false;
      }
      try {
        ending.get(20, TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        // Not over yet: poll the condition again.
      }
    }
    return !isOver();
  }
}

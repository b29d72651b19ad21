package energy.market.server.engine;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place that looks through the wrappers futures put around a failure, so that code asking
 * "was this an overload, a ledger failure, a bad argument?" sees the failure itself.
 */
public final class Failures {
  private Failures() {}

  /** The failure inside any {@link CompletionException} or {@link ExecutionException} wrappers. */
  public static Throwable cause(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}

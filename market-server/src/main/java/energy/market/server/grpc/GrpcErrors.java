package energy.market.server.grpc;

import energy.market.server.engine.Failures;
import energy.market.server.engine.MarketStoppingException;
import energy.market.server.homes.AlreadyExistsException;
import energy.market.server.homes.NotFoundException;
import energy.market.server.homes.PermissionDeniedException;
import energy.market.server.homes.UnauthenticatedException;
import energy.market.server.input.Quote;
import energy.market.server.ledger.LedgerException;
import energy.market.server.trade.OverloadedException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where domain failures become gRPC statuses: bad input is INVALID_ARGUMENT, a wrong
 * moment FAILED_PRECONDITION, overload RESOURCE_EXHAUSTED, a ledger that cannot write UNAVAILABLE
 * (the market stops; retry later), and anything unexpected INTERNAL (logged, with no internals sent
 * to the caller). Every description is escaped and cut to a few hundred characters.
 */
public final class GrpcErrors {
  private static final Logger LOG = Logger.getLogger(GrpcErrors.class.getName());

  private GrpcErrors() {}

  /** The status for a failure. */
  public static StatusRuntimeException toStatus(Throwable failure) {
    Throwable cause = Failures.cause(failure);
    Status status;
    if (cause instanceof StatusRuntimeException e) {
      return safe(e.getStatus()).asRuntimeException(e.getTrailers());
    } else if (cause instanceof StatusException e) {
      return safe(e.getStatus()).asRuntimeException(e.getTrailers());
    } else if (cause instanceof OverloadedException) {
      status = Status.RESOURCE_EXHAUSTED;
    } else if (cause instanceof LedgerException) {
      // Nothing was acknowledged; the market stops (and says why, once), and a retry after its
      // restart is safe.
      return Status.UNAVAILABLE
          .withDescription("the market could not record this and is stopping; retry later")
          .asRuntimeException();
    } else if (cause instanceof MarketStoppingException) {
      status = Status.UNAVAILABLE;
    } else if (cause instanceof UnauthenticatedException) {
      status = Status.UNAUTHENTICATED;
    } else if (cause instanceof PermissionDeniedException) {
      status = Status.PERMISSION_DENIED;
    } else if (cause instanceof NotFoundException) {
      status = Status.NOT_FOUND;
    } else if (cause instanceof AlreadyExistsException) {
      status = Status.ALREADY_EXISTS;
    } else if (cause instanceof IllegalArgumentException) {
      status = Status.INVALID_ARGUMENT;
    } else if (cause instanceof IllegalStateException) {
      status = Status.FAILED_PRECONDITION;
    } else {
      LOG.log(Level.SEVERE, "unexpected failure", cause);
      return Status.INTERNAL
          .withDescription("internal error; see the market's log")
          .asRuntimeException();
    }
    return safe(status.withDescription(cause.getMessage())).asRuntimeException();
  }

  /**
   * A status whose description is safe to send: escaped and cut short by {@link Quote#message}, so
   * that no path, whatever its message was built from, echoes an input whole.
   */
  public static Status safe(Status status) {
    String description = status.getDescription();
    String safe = Quote.message(description);
    return safe == null || safe.equals(description) ? status : status.withDescription(safe);
  }
}

package energy.market.server.ledger;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Says in a few words why the ledger could not write, for the one line the market prints when it
 * stops: a full disk and a refused write are told apart from a broken rule, and none of them brings
 * a stack trace along.
 */
final class WriteFailures {
  private static final int SQLITE_IOERR = 10;
  private static final int SQLITE_FULL = 13;

  private WriteFailures() {}

  /** Why a write or a commit failed, on one line. */
  static String describe(Throwable failure) {
    if (failure instanceof SQLiteException sqlite) {
      SQLiteErrorCode code = sqlite.getResultCode();
      // Extended codes (SQLITE_IOERR_WRITE, ...) keep their primary code in the low byte.
      int primary = code.code & 0xff;
      if (primary == SQLITE_FULL) {
        return "the disk is full [" + code.name() + "]";
      }
      if (primary == SQLITE_IOERR) {
        return "the disk refused a write [" + code.name() + "] (is it full?)";
      }
    }
    String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    return message.replaceAll("\\s+", " ").trim();
  }
}

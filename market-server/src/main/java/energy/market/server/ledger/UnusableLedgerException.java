package energy.market.server.ledger;

/**
 * The ledger file cannot be used: it is not SQLite, another program's database, of a newer schema,
 * corrupt, inconsistent, or in use by another market. The file is left as it was; the message is
 * one line naming the file and what is wrong.
 */
public final class UnusableLedgerException extends Exception {
  private static final long serialVersionUID = 1L;

  public UnusableLedgerException(String message) {
    super(message);
  }

  public UnusableLedgerException(String message, Throwable cause) {
    super(message, cause);
  }
}

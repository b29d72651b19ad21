package energy.market.server.ledger;

/**
 * A ledger cell holds a value the market cannot read (text in a number column, an unknown policy
 * label, a time that is not ISO-8601): the message names the table, the row and the column.
 */
final class UnreadableValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  UnreadableValueException(String message) {
    super(message);
  }
}

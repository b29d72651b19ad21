package energy.market.server.day;

/**
 * The books of a day do not balance. This is a bug, never a user error: the market stops its clock
 * rather than publish wrong books.
 */
public final class BooksViolation extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public BooksViolation(String message) {
    super(message);
  }
}

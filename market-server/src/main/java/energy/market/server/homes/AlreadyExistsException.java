package energy.market.server.homes;

/** Something with the same unique name exists already. */
public final class AlreadyExistsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AlreadyExistsException(String message) {
    super(message);
  }
}

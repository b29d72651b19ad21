package energy.market.server.homes;

/** A caller presented missing or wrong credentials. */
public final class UnauthenticatedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnauthenticatedException(String message) {
    super(message);
  }
}

package energy.market.server.homes;

/** A caller whose credentials are good asked for something they do not allow. */
public final class PermissionDeniedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PermissionDeniedException(String message) {
    super(message);
  }
}

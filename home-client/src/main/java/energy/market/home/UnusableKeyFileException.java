package energy.market.home;

/** The homes' key file cannot be made, read or trusted; the message is one line naming it. */
public final class UnusableKeyFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnusableKeyFileException(String message) {
    super(message);
  }
}

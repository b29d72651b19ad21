package energy.market.server.access;

import energy.market.server.homes.PermissionDeniedException;

/**
 * Whether strangers may register homes, and how fast: open (anyone who reaches the market), or only
 * callers holding the registration token (or the operator), for deployments where strangers must
 * not join; either way each peer address registers at most {@code perSecond} a second after a first
 * {@code burst}.
 *
 * @param token the registration token; null when registration is open
 * @param perSecond registrations a peer may make per second, once its burst is used
 * @param burst registrations a peer may make at once (a whole fleet registering together)
 */
public record Registration(String token, double perSecond, int burst) {
  /** The default rate: a fleet of 10,000 homes registers at once, then 100 a second. */
  public static final double DEFAULT_PER_SECOND = 100;

  /** The default burst. */
  public static final int DEFAULT_BURST = 20_000;

  /** Anyone may register, at the default rate. */
  public static final Registration OPEN = new Registration(null, DEFAULT_PER_SECOND, DEFAULT_BURST);

  public Registration {
    if (token != null && token.isBlank()) {
      throw new IllegalArgumentException("registration token is empty");
    }
    if (!(perSecond > 0) || perSecond > 1_000_000) {
      throw new IllegalArgumentException(
          "registrations per second " + perSecond + " is out of range (0, 1000000]");
    }
    if (burst < 1 || burst > 10_000_000) {
      throw new IllegalArgumentException(
          "registration burst " + burst + " is out of range 1..10000000");
    }
  }

  /** Registration by token only, at the default rate. */
  public static Registration byToken(String token) {
    if (token == null) {
      throw new IllegalArgumentException("registration token is missing");
    }
    return new Registration(token, DEFAULT_PER_SECOND, DEFAULT_BURST);
  }

  /** The limit on each peer's registrations. */
  public PeerRateLimit perPeerLimit() {
    return new PeerRateLimit(perSecond, burst);
  }

  /** True when anyone may register. */
  public boolean open() {
    return token == null;
  }

  /**
   * @throws PermissionDeniedException when registration is closed to this caller
   */
  public void requireAdmits(Caller caller) {
    if (open() || caller.kind() == Caller.Kind.REGISTRAR || caller.isOperator()) {
      return;
    }
    throw new PermissionDeniedException(
        "this market registers homes only for holders of its registration token; send"
            + " 'authorization: Registration <token>' (home --registration-token-file)");
  }
}

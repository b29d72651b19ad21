package energy.market.server.access;

import energy.market.server.homes.Home;
import energy.market.server.homes.HomeRegistry;
import energy.market.server.homes.PermissionDeniedException;
import energy.market.server.homes.Secrets;

/**
 * Who made a call, as its credentials proved it: nobody in particular, the holder of a home secret
 * (who may act for every home registered with that secret), the operator, or someone holding the
 * registration token.
 */
public final class Caller {
  /** The kinds of callers. */
  public enum Kind {
    /** No credentials: public calls only (and Register at a market with open registration). */
    ANONYMOUS,
    /** A home secret's holder. */
    HOME,
    /** The operator: the daemons and whoever administers the market. */
    OPERATOR,
    /** The holder of the registration token. */
    REGISTRAR
  }

  /** A caller without credentials. */
  public static final Caller ANONYMOUS = new Caller(Kind.ANONYMOUS, null);

  /** The operator. */
  public static final Caller OPERATOR = new Caller(Kind.OPERATOR, null);

  /** The holder of the registration token. */
  public static final Caller REGISTRAR = new Caller(Kind.REGISTRAR, null);

  private final Kind kind;
  private final String secretHash;

  private Caller(Kind kind, String secretHash) {
    this.kind = kind;
    this.secretHash = secretHash;
  }

  /** The holder of the secret whose SHA-256 is {@code secretHash} (see {@link Secrets#hash}). */
  public static Caller home(String secretHash) {
    return new Caller(Kind.HOME, secretHash);
  }

  /** The holder of {@code secret}; for callers inside the market's own process, such as tests. */
  public static Caller homeWithSecret(String secret) {
    return home(Secrets.hash(secret));
  }

  public Kind kind() {
    return kind;
  }

  /** True for the operator. */
  public boolean isOperator() {
    return kind == Kind.OPERATOR;
  }

  /** True when the caller holds the secret {@code home} registered with. */
  public boolean holds(Home home) {
    return kind == Kind.HOME && Secrets.constantTimeEquals(home.secretHash(), secretHash);
  }

  /**
   * The home with this id, if this caller holds its secret.
   *
   * @throws PermissionDeniedException otherwise; the same message whether the home exists or not,
   *     so no caller learns which ids are taken
   */
  public Home actFor(HomeRegistry registry, long homeId) {
    return registry
        .byId(homeId)
        .filter(this::holds)
        .orElseThrow(
            () ->
                new PermissionDeniedException(
                    "home "
                        + homeId
                        + " is not registered with the secret of this call's credentials"));
  }

  /**
   * @throws PermissionDeniedException unless the caller is the operator
   */
  public void requireOperator(String what) {
    if (!isOperator()) {
      throw new PermissionDeniedException(
          what + " is the operator's: send 'authorization: Operator <token>'");
    }
  }

  /** True when the caller may read {@code home}'s account: the home itself, or the operator. */
  public boolean mayRead(Home home) {
    return isOperator() || holds(home);
  }

  @Override
  public String toString() {
    // Never the hash: it goes nowhere but the comparison.
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}

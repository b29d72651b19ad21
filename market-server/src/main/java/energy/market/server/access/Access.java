package energy.market.server.access;

import energy.market.server.homes.PermissionDeniedException;
import energy.market.server.homes.UnauthenticatedException;

/** Who may make a call: the rows of the README's "who may do what" table. */
public enum Access {
  /** Anyone, with or without credentials (prices, events, market state, health, reflection). */
  PUBLIC("anyone"),
  /** Anyone at a market with open registration; else the registration token or the operator. */
  REGISTER("anyone who may register"),
  /** A home, for the homes registered with its secret. */
  HOME("a home: send 'authorization: Home <secret>'"),
  /** The operator. */
  OPERATOR("the operator: send 'authorization: Operator <token>'"),
  /** A home for its own homes, or the operator for any. */
  HOME_OR_OPERATOR(
      "a home ('authorization: Home <secret>') or the operator ('authorization: Operator"
          + " <token>')");

  private final String who;

  Access(String who) {
    this.who = who;
  }

  /**
   * Checks that {@code caller} may make a call of this kind at all (which homes it may touch is
   * checked with the call's content).
   *
   * @throws UnauthenticatedException when the call needs credentials it did not present
   * @throws PermissionDeniedException when its credentials are not of a kind this call takes
   */
  public void require(Caller caller) {
    boolean allowed =
        switch (this) {
          case PUBLIC, REGISTER -> true;
          case HOME -> caller.kind() == Caller.Kind.HOME;
          case OPERATOR -> caller.isOperator();
          case HOME_OR_OPERATOR -> caller.kind() == Caller.Kind.HOME || caller.isOperator();
        };
    if (allowed) {
      return;
    }
    if (caller.kind() == Caller.Kind.ANONYMOUS) {
      throw new UnauthenticatedException("this call needs credentials: it is for " + who);
    }
    throw new PermissionDeniedException(
        "this call is not for " + caller + " credentials: it is for " + who);
  }
}

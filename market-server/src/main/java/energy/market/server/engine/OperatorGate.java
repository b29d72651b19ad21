package energy.market.server.engine;

import energy.market.server.homes.Secrets;
import energy.market.server.homes.UnauthenticatedException;

/**
 * Admits only callers that hold the operator token: daemons and whoever reports weather or events.
 */
final class OperatorGate {
  private final String operatorToken;

  OperatorGate(String operatorToken) {
    this.operatorToken = operatorToken;
  }

  /**
   * @throws UnauthenticatedException for a wrong or missing token
   */
  void require(String token) {
    if (!Secrets.constantTimeEquals(operatorToken, token == null ? "" : token)) {
      throw new UnauthenticatedException("wrong or missing operator token");
    }
  }
}

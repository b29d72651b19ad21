package energy.market.server.access;

import energy.market.server.homes.HomeRegistry;
import energy.market.server.homes.Secrets;
import energy.market.server.homes.UnauthenticatedException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the credentials a call presents and says who the caller is. A home secret is good when a
 * home registered with it; the operator and registration tokens are compared in time that does not
 * depend on where they differ. Messages never repeat what was presented.
 */
public final class Authenticator {
  /** The most secrets whose hash is remembered: far more than the home processes of a run. */
  static final int REMEMBERED_SECRETS = 4096;

  private final String operatorToken;
  private final Registration registration;
  private final HomeRegistry registry;

  /**
   * The hash of each secret that a registered home presented: every call of a home presents its
   * secret, and hashing it again was 2 to 3 % of a unary trade's time on the transport thread. Only
   * secrets of registered homes are kept, so strangers cannot fill it; it saves the hashing only,
   * and the registry is still asked on every call.
   */
  private final Map<String, String> hashOfSecret = new ConcurrentHashMap<>();

  public Authenticator(String operatorToken, Registration registration, HomeRegistry registry) {
    this.operatorToken = operatorToken;
    this.registration = registration;
    this.registry = registry;
  }

  /**
   * The holder of a home secret.
   *
   * @throws UnauthenticatedException when no home registered with it
   */
  public Caller home(String secret) {
    if (secret == null || secret.isEmpty() || secret.length() > 128) {
      throw new UnauthenticatedException(
          "the home secret is missing or too long; send the secret the home registered with");
    }
    String remembered = hashOfSecret.get(secret);
    String hash = remembered != null ? remembered : Secrets.hash(secret);
    if (!registry.hasSecret(hash)) {
      throw new UnauthenticatedException("no home is registered with this secret");
    }
    if (remembered == null && hashOfSecret.size() < REMEMBERED_SECRETS) {
      hashOfSecret.put(secret, hash);
    }
    return Caller.home(hash);
  }

  /**
   * Whether a registration under this name and secret is a home's return rather than a new home:
   * returns are not charged to the caller's address. Safe from any thread.
   */
  public boolean returning(String name, String secret) {
    return registry.returning(name, secret);
  }

  /**
   * The operator.
   *
   * @throws UnauthenticatedException for a wrong token
   */
  public Caller operator(String token) {
    if (!Secrets.constantTimeEquals(operatorToken, token)) {
      throw new UnauthenticatedException("wrong operator token");
    }
    return Caller.OPERATOR;
  }

  /**
   * The holder of the registration token.
   *
   * @throws UnauthenticatedException for a wrong token, or when registration is open
   */
  public Caller registrar(String token) {
    if (registration.open()) {
      throw new UnauthenticatedException(
          "this market's registration is open: register without a registration token");
    }
    if (!Secrets.constantTimeEquals(registration.token(), token)) {
      throw new UnauthenticatedException("wrong registration token");
    }
    return Caller.REGISTRAR;
  }
}

package energy.market.server.access;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.model.Policy;
import energy.market.server.homes.Home;
import energy.market.server.homes.HomeRegistry;
import energy.market.server.homes.UnauthenticatedException;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {
  private static final String SECRET = "a-secret-of-the-alice-process";

  private final HomeRegistry registry = new HomeRegistry();
  private final Authenticator authenticator =
      new Authenticator("operator-token-0123456789", Registration.OPEN, registry);

  @Test
  void aRegisteredHomesSecretIsItsCallerOnEveryCall() {
    Home alice = registry.register("alice", Policy.ALWAYS_SELL, SECRET).home();
    for (int call = 0; call < 3; call++) {
      assertTrue(authenticator.home(SECRET).holds(alice), "call " + call);
    }
  }

  @Test
  void aSecretNoHomeRegisteredWithIsRefusedEveryTimeEvenOnceAHomeHasAnother() {
    assertThrows(UnauthenticatedException.class, () -> authenticator.home(SECRET));
    registry.register("bob", Policy.ALWAYS_SELL, "the-secret-of-the-bob-process");
    authenticator.home("the-secret-of-the-bob-process");
    for (int call = 0; call < Authenticator.REMEMBERED_SECRETS + 2; call++) {
      String stranger = "a-stranger-secret-number-" + call;
      assertThrows(UnauthenticatedException.class, () -> authenticator.home(stranger));
    }
    assertThrows(UnauthenticatedException.class, () -> authenticator.home(SECRET));
  }

  @Test
  void aSecretBecomesGoodWhenAHomeRegistersWithItAfterItWasRefused() {
    assertThrows(UnauthenticatedException.class, () -> authenticator.home(SECRET));
    Home alice = registry.register("alice", Policy.ALWAYS_SELL, SECRET).home();
    assertTrue(authenticator.home(SECRET).holds(alice));
  }
}

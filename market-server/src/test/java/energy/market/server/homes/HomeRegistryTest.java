package energy.market.server.homes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.model.Policy;
import energy.market.server.access.Caller;
import org.junit.jupiter.api.Test;

/** The rules of registration: a name and its secret are one home, for good. */
class HomeRegistryTest {
  private static final String SECRET = "0123456789abcdef0123456789abcdef";

  private final HomeRegistry registry = new HomeRegistry();

  @Test
  void theSameNameAndSecretAlwaysGiveTheSameHome() {
    HomeRegistry.Registration first = registry.register("alice", Policy.ALWAYS_SELL, SECRET);
    assertFalse(first.resumed());
    for (int i = 0; i < 3; i++) {
      HomeRegistry.Registration again = registry.register("alice", Policy.ALWAYS_SELL, SECRET);
      assertTrue(again.resumed());
      assertSame(first.home(), again.home());
    }
    assertEquals(1, registry.size());
    assertSame(first.home(), Caller.homeWithSecret(SECRET).actFor(registry, first.home().id()));
  }

  @Test
  void theMarketKeepsOnlyTheSecretsHash() {
    Home home = registry.register("alice", Policy.ALWAYS_SELL, SECRET).home();
    assertEquals(Secrets.hash(SECRET), home.secretHash());
    assertNotEquals(SECRET, home.secretHash());
  }

  @Test
  void aTakenNameWithAnotherSecretIsRefusedSayingWhatToDo() {
    registry.register("alice", Policy.ALWAYS_SELL, SECRET);
    AlreadyExistsException refused =
        assertThrows(
            AlreadyExistsException.class,
            () -> registry.register("alice", Policy.ALWAYS_SELL, "another-secret-of-alice"));
    assertEquals(
        "home name 'alice' is taken by a home with another secret; run the home with the secret"
            + " (the state directory) that registered it, or choose another name",
        refused.getMessage());
    assertEquals(1, registry.size());
  }

  @Test
  void aHomeComingBackWithAnotherPolicyIsRefusedNamingBoth() {
    registry.register("alice", Policy.ALWAYS_GIVE, SECRET);
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> registry.register("alice", Policy.SELL_IF_NO_TAKERS, SECRET));
    assertEquals(
        "home 'alice' is registered with policy always-give, not sell-if-no-takers; come back"
            + " with always-give, or choose another name for a home with policy"
            + " sell-if-no-takers",
        refused.getMessage());
    assertEquals(Policy.ALWAYS_GIVE, registry.byName("alice").orElseThrow().policy());
  }

  @Test
  void aSecretOfTheWrongFormIsRefusedWithoutRepeatingIt() {
    String[] bad = {
      null, "", "fifteen-chars-x", "x".repeat(129), "has a space 0123456", "semi;colon;0123456789"
    };
    for (String secret : bad) {
      IllegalArgumentException refused =
          assertThrows(
              IllegalArgumentException.class,
              () -> registry.register("bob", Policy.ALWAYS_SELL, secret));
      assertTrue(
          refused.getMessage().contains("16 to 128 letters, digits, '-', '_' or '.'"),
          refused.getMessage());
      if (secret != null && !secret.isEmpty()) {
        assertFalse(refused.getMessage().contains(secret), refused.getMessage());
      }
    }
    registry.register("bob", Policy.ALWAYS_SELL, "x".repeat(16));
    registry.register("carol", Policy.ALWAYS_SELL, "A-z_0.9".repeat(19).substring(0, 128));
    assertEquals(2, registry.size(), "16 and 128 characters are allowed");
  }

  @Test
  void aMissingPolicyIsRefusedEvenForAKnownHome() {
    registry.register("alice", Policy.ALWAYS_SELL, SECRET);
    assertThrows(IllegalArgumentException.class, () -> registry.register("alice", null, SECRET));
    assertThrows(IllegalArgumentException.class, () -> registry.register("bob", null, SECRET));
  }

  @Test
  void anotherHomesSecretDoesNotActForIt() {
    long alice = registry.register("alice", Policy.ALWAYS_SELL, SECRET).home().id();
    registry.register("bob", Policy.ALWAYS_SELL, "bobs-own-secret-0123");
    Caller bob = Caller.homeWithSecret("bobs-own-secret-0123");
    PermissionDeniedException denied =
        assertThrows(PermissionDeniedException.class, () -> bob.actFor(registry, alice));
    PermissionDeniedException unknown =
        assertThrows(PermissionDeniedException.class, () -> bob.actFor(registry, 99));
    assertEquals(
        denied.getMessage().replace("" + alice, "N"),
        unknown.getMessage().replace("99", "N"),
        "an unknown home and another's home are refused alike");
    assertThrows(PermissionDeniedException.class, () -> Caller.OPERATOR.actFor(registry, alice));
    assertThrows(PermissionDeniedException.class, () -> Caller.ANONYMOUS.actFor(registry, alice));
  }

  @Test
  void aSecretIsKnownWhileAHomeHoldsIt() {
    Home alice = registry.register("alice", Policy.ALWAYS_SELL, SECRET).home();
    assertTrue(registry.hasSecret(Secrets.hash(SECRET)));
    assertFalse(registry.hasSecret(Secrets.hash("nobody-has-this-secret")));
    Home bob = registry.register("bob", Policy.ALWAYS_SELL, SECRET).home();
    registry.forget(alice);
    assertTrue(registry.hasSecret(Secrets.hash(SECRET)), "bob still holds it");
    registry.forget(bob);
    assertFalse(registry.hasSecret(Secrets.hash(SECRET)));
  }
}

package energy.market.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.model.Policy;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyMixTest {

  @Test
  void aSinglePolicyAppliesToEveryHome() {
    PolicyMix mix = PolicyMix.parse("always-give", 1);
    assertEquals(Policy.ALWAYS_GIVE, mix.policyFor("a"));
    assertEquals(Policy.ALWAYS_GIVE, mix.policyFor("b"));
  }

  @Test
  void sharesAreFollowedAndEachHomesPolicyDependsOnlyOnSeedAndName() {
    PolicyMix mix = PolicyMix.parse("always-sell=2,always-give=1,sell-if-no-takers=1", 5);
    Map<Policy, Integer> counts = new EnumMap<>(Policy.class);
    for (int i = 0; i < 4000; i++) {
      counts.merge(mix.policyFor("home-" + i), 1, Integer::sum);
    }
    assertTrue(Math.abs(counts.get(Policy.ALWAYS_SELL) - 2000) < 150, counts.toString());
    assertTrue(Math.abs(counts.get(Policy.ALWAYS_GIVE) - 1000) < 150, counts.toString());
    PolicyMix again = PolicyMix.parse("always-sell=2,always-give=1,sell-if-no-takers=1", 5);
    for (int i = 0; i < 100; i++) {
      assertEquals(mix.policyFor("home-" + i), again.policyFor("home-" + i));
    }
  }

  @Test
  void badMixesSayWhatIsAllowed() {
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> PolicyMix.parse("hoard", 1));
    assertTrue(unknown.getMessage().contains("always-sell"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PolicyMix.parse("always-sell=x", 1));
    assertThrows(IllegalArgumentException.class, () -> PolicyMix.parse("always-sell=-1", 1));
    assertThrows(IllegalArgumentException.class, () -> PolicyMix.parse("always-sell=0", 1));
  }
}

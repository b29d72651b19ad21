package energy.market.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HomeNamesTest {
  @Test
  void withoutNamesOrCountOneHomeIsNamedFromThePrefix() {
    assertEquals(List.of("home-1"), HomeNames.of(List.of(), 0, "home", 1));
  }

  @Test
  void aCountNamesHomesFromTheFirstIndexSoProcessesShareOneRange() {
    assertEquals(
        List.of("street-668", "street-669", "street-670"),
        HomeNames.of(List.of(), 3, "street", 668));
  }

  @Test
  void givenNamesComeFirstThenTheGeneratedOnes() {
    assertEquals(
        List.of("alice", "bob", "home-1", "home-2"),
        HomeNames.of(List.of("alice", "bob"), 2, "home", 1));
    assertEquals(List.of("alice"), HomeNames.of(List.of("alice"), 0, "home", 1));
  }

  @Test
  void badCountsIndexesAndNamesAreRefusedNamingTheProblem() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> HomeNames.of(List.of(), -1, "h", 1))
            .getMessage()
            .contains("--count -1 is out of range 0..1000000"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> HomeNames.of(List.of(), 2, "h", -1))
            .getMessage()
            .contains("--first-index -1 is negative"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> HomeNames.of(List.of("no spaces"), 0, "h", 1))
            .getMessage()
            .contains("home name 'no spaces' is not allowed"));
    assertThrows(
        IllegalArgumentException.class, () -> HomeNames.of(List.of("x".repeat(65)), 0, "h", 1));
  }
}

package energy.market.launcher.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class HomeShareTest {
  @Test
  void spreadsHomesEvenlyWithIndexesWithoutGaps() {
    assertEquals(
        List.of(new HomeShare(1, 1, 3), new HomeShare(2, 4, 2), new HomeShare(3, 6, 2)),
        HomeShare.split(7, 3));
    assertEquals(List.of(new HomeShare(1, 1, 2000)), HomeShare.split(2000, 1));
    assertEquals(List.of(), HomeShare.split(0, 0));
  }

  @Test
  void namesItsHomes() {
    assertEquals(List.of("h-4", "h-5"), new HomeShare(2, 4, 2).names("h"));
  }

  @Test
  void refusesMoreProcessesThanHomes() {
    assertThrows(IllegalArgumentException.class, () -> HomeShare.split(2, 3));
    assertThrows(IllegalArgumentException.class, () -> HomeShare.split(2, 0));
  }
}

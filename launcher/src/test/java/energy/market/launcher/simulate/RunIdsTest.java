package energy.market.launcher.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunIdsTest {
  private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 22, 5, 55, 23);

  @TempDir Path results;

  @Test
  void withoutAnIdTheRunIsNamedByItsStartTimeAndSeed() {
    assertEquals("20261122-055523-s7", RunIds.pick(null, results, 7, NOW));
  }

  @Test
  void aTakenNameGetsACounter() throws Exception {
    Files.createDirectories(results.resolve("20261122-055523-s1"));
    Files.createDirectories(results.resolve("20261122-055523-s1-2"));

    assertEquals("20261122-055523-s1-3", RunIds.pick(null, results, 1, NOW));
  }

  @Test
  void aGivenIdIsKeptWhenItIsAllowedAndFree() throws Exception {
    assertEquals("nightly.1", RunIds.pick("nightly.1", results, 1, NOW));

    Files.createDirectories(results.resolve("nightly.1"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> RunIds.pick("nightly.1", results, 1, NOW))
            .getMessage()
            .contains("already exists"));
    assertThrows(IllegalArgumentException.class, () -> RunIds.pick("../up", results, 1, NOW));
    assertThrows(IllegalArgumentException.class, () -> RunIds.pick(".hidden", results, 1, NOW));
  }
}

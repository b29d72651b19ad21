package energy.market.external;

import static org.junit.jupiter.api.Assertions.assertEquals;

import energy.market.model.Phase;
import energy.market.model.PhaseStart;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenPhaseHandlerTest {

  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private final OpenPhaseHandler handler =
      new OpenPhaseHandler(null, Clock.fixed(NOW, ZoneOffset.UTC));

  private static PhaseStart openWithDeadline(Instant deadline) {
    return new PhaseStart(1, Phase.OPEN, Optional.of(deadline));
  }

  @Test
  void waitsUntilThePhaseDeadline() {
    assertEquals(Duration.ofSeconds(2), handler.budget(openWithDeadline(NOW.plusSeconds(2))));
  }

  @Test
  void aShortOrPassedDeadlineStillLeavesAShortWait() {
    assertEquals(OpenPhaseHandler.MIN_BUDGET, handler.budget(openWithDeadline(NOW.plusMillis(60))));
    assertEquals(
        OpenPhaseHandler.MIN_BUDGET, handler.budget(openWithDeadline(NOW.minusSeconds(1))));
  }

  @Test
  void noDeadlineOrAFarOneIsBounded() {
    assertEquals(
        OpenPhaseHandler.NO_DEADLINE_BUDGET,
        handler.budget(new PhaseStart(1, Phase.OPEN, Optional.empty())));
    assertEquals(
        OpenPhaseHandler.MAX_BUDGET, handler.budget(openWithDeadline(NOW.plusSeconds(3600))));
  }

  @Test
  void otherPhasesNeedNoWork() throws InterruptedException {
    // The handler has no RandomMode at all: touching it for GIFT would throw.
    handler.onPhase(new PhaseStart(1, Phase.GIFT, Optional.empty()));
  }
}

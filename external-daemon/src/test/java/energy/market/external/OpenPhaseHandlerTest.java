package energy.market.external;

import static org.junit.jupiter.api.Assertions.assertEquals;

import energy.market.model.EventKind;
import energy.market.model.Phase;
import energy.market.model.PhaseStart;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
    // Dice that fire every kind every day: any work done for a phase would raise something.
    EventCatalog always =
        EventCatalog.defaults()
            .withProbabilities(
                List.of("fuel-shortage=1", "war=1", "new-energy-law=1", "storm=1", "cold-snap=1"));
    List<EventKind> raised = new ArrayList<>();
    RandomMode randomMode =
        new RandomMode(
            new RandomDays(always, 1),
            1,
            kind -> raised.add(kind),
            null,
            null,
            line -> raised.add(null));
    OpenPhaseHandler withDice = new OpenPhaseHandler(randomMode, Clock.fixed(NOW, ZoneOffset.UTC));

    for (Phase phase : List.of(Phase.GIFT, Phase.TRADE, Phase.CLOSE)) {
      withDice.onPhase(new PhaseStart(1, phase, Optional.empty()));
    }

    assertEquals(List.of(), raised, "nothing raised or logged outside OPEN");
  }
}

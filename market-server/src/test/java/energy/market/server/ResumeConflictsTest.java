package energy.market.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.model.EventKind;
import energy.market.server.ledger.RunParameters;
import energy.market.server.price.EventCatalog;
import energy.market.server.price.EventSpec;
import energy.market.server.price.PriceParameters;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResumeConflictsTest {
  private static final Path LEDGER = Path.of("data", "ledger.db");
  private static final PriceParameters D = PriceParameters.DEFAULTS;
  private static final RunParameters STORED = new RunParameters(7, D, EventCatalog.defaults());

  private static PriceParameters withGamma(double gamma) {
    return new PriceParameters(
        D.initialMicro(),
        D.referenceMicro(),
        gamma,
        D.alphaNetMicroPerKwh(),
        D.alphaTempMicroPerDegree(),
        D.comfortLowCelsius(),
        D.comfortHighCelsius(),
        D.floorMicro(),
        D.capMicro());
  }

  @Test
  void optionsLeftOutNeverConflict() {
    RunParameters asked = new RunParameters(8, withGamma(0.5), EventCatalog.defaults());

    assertEquals(
        Optional.empty(), ResumeConflicts.find(LEDGER, STORED, asked, Set.of(), List.of()));
  }

  @Test
  void aGivenOptionThatAgreesWithTheRunIsAccepted() {
    RunParameters asked = new RunParameters(7, D, EventCatalog.defaults());

    assertEquals(
        Optional.empty(),
        ResumeConflicts.find(LEDGER, STORED, asked, Set.of("--seed", "--gamma"), List.of()));
  }

  @Test
  void aGivenOptionThatContradictsTheRunIsOneLineNamingBothValues() {
    RunParameters asked = new RunParameters(8, withGamma(0.5), EventCatalog.defaults());

    String conflict =
        ResumeConflicts.find(LEDGER, STORED, asked, Set.of("--seed", "--gamma"), List.of())
            .orElseThrow();

    assertTrue(
        conflict.startsWith(
            LEDGER
                + " holds a run with --seed 7, --gamma 0.92; this start gives --seed 8,"
                + " --gamma 0.5."),
        conflict);
    assertTrue(conflict.endsWith("or use another --data-dir for a new run"), conflict);
    assertEquals(1, conflict.lines().count());
  }

  @Test
  void pricesAreComparedInEurosAsTheyAreWritten() {
    PriceParameters cheaper =
        new PriceParameters(
            160_000,
            D.referenceMicro(),
            D.gamma(),
            D.alphaNetMicroPerKwh(),
            D.alphaTempMicroPerDegree(),
            D.comfortLowCelsius(),
            D.comfortHighCelsius(),
            D.floorMicro(),
            D.capMicro());
    RunParameters asked = new RunParameters(7, cheaper, EventCatalog.defaults());

    String conflict =
        ResumeConflicts.find(LEDGER, STORED, asked, Set.of("--initial-price"), List.of())
            .orElseThrow();

    assertTrue(conflict.contains("--initial-price 0.170000"), conflict);
    assertTrue(conflict.contains("--initial-price 0.160000"), conflict);
  }

  @Test
  void anotherEventCatalogConflictsOnlyWhenEventsAreGiven() {
    EventCatalog stormier = EventCatalog.defaults().with(EventKind.STORM, new EventSpec(20_000, 4));
    RunParameters asked = new RunParameters(7, D, stormier);

    assertEquals(
        Optional.empty(), ResumeConflicts.find(LEDGER, STORED, asked, Set.of(), List.of()));
    String conflict =
        ResumeConflicts.find(LEDGER, STORED, asked, Set.of("--event"), List.of("storm=0.02:4"))
            .orElseThrow();
    assertTrue(conflict.contains("its own --event catalog"), conflict);
    assertTrue(conflict.contains("this start gives --event storm=0.02:4"), conflict);
  }
}

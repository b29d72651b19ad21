package energy.market.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.model.EventKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventCatalogTest {

  @Test
  void defaultsMapEveryKindToItsOwnSignalInCatalogOrder() {
    List<CatalogEntry> entries = EventCatalog.defaults().entries();

    assertEquals(
        List.of(
            new CatalogEntry(EventKind.FUEL_SHORTAGE, "USR1", 0.03),
            new CatalogEntry(EventKind.WAR, "USR2", 0.005),
            new CatalogEntry(EventKind.NEW_ENERGY_LAW, "IO", 0.01),
            new CatalogEntry(EventKind.STORM, "ALRM", 0.04),
            new CatalogEntry(EventKind.COLD_SNAP, "URG", 0.03)),
        entries);
  }

  @Test
  void defaultsLeaveTheSignalsTheTerminalAndTheJvmSendAlone() {
    for (CatalogEntry entry : EventCatalog.defaults().entries()) {
      assertTrue(
          !List.of("INT", "TERM", "HUP", "QUIT", "WINCH").contains(entry.signal()),
          entry.toString());
    }
  }

  @Test
  void probabilityOverrideChangesOnlyThatKind() {
    EventCatalog catalog =
        EventCatalog.defaults().withProbabilities(List.of("storm=0.25", "COLD_SNAP=1"));

    assertEquals(0.25, catalog.entry(EventKind.STORM).dailyProbability());
    assertEquals("ALRM", catalog.entry(EventKind.STORM).signal());
    assertEquals(1.0, catalog.entry(EventKind.COLD_SNAP).dailyProbability());
    assertEquals(0.03, catalog.entry(EventKind.FUEL_SHORTAGE).dailyProbability());
  }

  @ParameterizedTest
  @ValueSource(strings = {"storm=1.5", "storm=-0.1", "storm=NaN", "storm=Infinity", "storm=abc"})
  void badProbabilityIsRejectedWithTheAllowedRange(String spec) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EventCatalog.defaults().withProbabilities(List.of(spec)));

    assertEquals(
        "bad probability '" + spec + "': '" + spec.substring(6) + "' is not a number from 0 to 1",
        e.getMessage());
  }

  @Test
  void probabilityWithoutEqualsSignSaysTheExpectedForm() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EventCatalog.defaults().withProbabilities(List.of("storm")));

    assertEquals(
        "bad probability 'storm': expected KIND=P, for example storm=0.02", e.getMessage());
  }

  @Test
  void unknownKindListsTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EventCatalog.defaults().withProbabilities(List.of("flood=0.1")));

    assertEquals(
        "bad probability 'flood=0.1': unknown event kind 'flood'; allowed: fuel-shortage,"
            + " war, new-energy-law, storm, cold-snap",
        e.getMessage());
  }

  @Test
  void kindGivenTwiceIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EventCatalog.defaults().withProbabilities(List.of("war=0.1", "WAR=0.2")));

    assertEquals("probability for war is given twice", e.getMessage());
  }

  @Test
  void signalOverrideAcceptsTheSigPrefixAndAnyCase() {
    EventCatalog catalog = EventCatalog.defaults().withSignals(List.of("storm=sigwinch"));

    assertEquals("WINCH", catalog.entry(EventKind.STORM).signal());
    assertEquals(Optional.of(EventKind.STORM), catalog.kindOf("SIGWINCH"));
    assertEquals(Optional.empty(), catalog.kindOf("ALRM"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"INT", "TERM", "QUIT", "KILL", "SEGV", "NOPE", ""})
  void signalsTheDaemonCannotTakeAreRejected(String signal) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EventCatalog.defaults().withSignals(List.of("war=" + signal)));

    assertTrue(e.getMessage().startsWith("bad signal 'war=" + signal + "': "), e.getMessage());
    assertTrue(e.getMessage().contains("expected one of USR1, USR2"), e.getMessage());
  }

  @Test
  void twoKindsOnOneSignalAreRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EventCatalog.defaults().withSignals(List.of("storm=USR1")));

    assertEquals(
        "SIGUSR1 is mapped to both fuel-shortage and storm; each event kind needs its own signal",
        e.getMessage());
  }

  @Test
  void swappingTwoSignalsIsAllowed() {
    EventCatalog catalog =
        EventCatalog.defaults().withSignals(List.of("war=USR1", "fuel-shortage=USR2"));

    assertEquals(Optional.of(EventKind.WAR), catalog.kindOf("USR1"));
    assertEquals(Optional.of(EventKind.FUEL_SHORTAGE), catalog.kindOf("USR2"));
  }

  @Test
  void hupAndWinchCanBeChosenExplicitly() {
    EventCatalog catalog =
        EventCatalog.defaults().withSignals(List.of("new-energy-law=HUP", "storm=WINCH"));

    assertEquals(Optional.of(EventKind.NEW_ENERGY_LAW), catalog.kindOf("HUP"));
    assertEquals(Optional.of(EventKind.STORM), catalog.kindOf("WINCH"));
  }
}

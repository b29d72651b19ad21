package energy.market.external;

import static energy.market.external.DaemonProcess.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.Phase;
import energy.market.api.v1.PhaseDone;
import energy.market.api.v1.SessionHello;
import energy.market.model.EventKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Random mode with the daemon as a real process: a test market drives the OPEN phase of days 1..30,
 * and the events fired (day, kind) depend only on the seed.
 */
class RandomModeIT {

  private static final int DAYS = 30;
  private static final List<String> PROBABILITIES =
      List.of(
          "fuel-shortage=0.15", "war=0.15", "new-energy-law=0.15", "storm=0.15", "cold-snap=0.15");

  /** Runs a daemon with {@code seed} through 30 days; returns "day:kind" per event, as received. */
  private static List<String> run(long seed) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--operator-token", TestMarket.TOKEN, "--random", "--seed", Long.toString(seed)));
    for (String p : PROBABILITIES) {
      args.addAll(List.of("--probability", p));
    }
    try (TestMarket market = TestMarket.start(0)) {
      args.addAll(List.of("--market", market.address()));
      try (DaemonProcess daemon = DaemonProcess.start(args.toArray(String[]::new))) {
        daemon.awaitReady();
        SessionHello hello = market.clock.awaitSession(TIMEOUT);
        assertEquals(TestMarket.TOKEN, hello.getOperatorToken());
        for (long day = 1; day <= DAYS; day++) {
          market.events.setDay(day);
          market.clock.startPhase(day, Phase.PHASE_OPEN, Duration.ofSeconds(20));
          PhaseDone done = market.clock.awaitDone(TIMEOUT);
          assertEquals(day, done.getDay());
          assertEquals(Phase.PHASE_OPEN, done.getPhase());
        }
        List<String> fired = new ArrayList<>();
        for (RecordingEvents.Call call : market.events.calls()) {
          String kind = call.request().getKind().name().replace("EVENT_KIND_", "");
          fired.add(call.day() + ":" + kind);
          String label = EventKind.valueOf(kind).label();
          // The id comes from seed, day and kind; the source shows the real signal was raised.
          assertEquals(
              RandomDays.eventId(seed, call.day(), EventKind.valueOf(kind)),
              call.request().getEventId());
          String signal = EventCatalog.defaults().entry(EventKind.valueOf(kind)).signal();
          assertEquals(
              "SIG"
                  + signal
                  + " to pid "
                  + daemon.pid()
                  + " (random mode, seed "
                  + seed
                  + ", day "
                  + call.day()
                  + ")",
              call.request().getSource(),
              label);
        }
        return fired;
      }
    }
  }

  /** What the dice say, computed in the test: days in order, kinds in catalog order. */
  private static List<String> expected(long seed) {
    RandomDays dice =
        new RandomDays(EventCatalog.defaults().withProbabilities(PROBABILITIES), seed);
    List<String> fired = new ArrayList<>();
    for (long day = 1; day <= DAYS; day++) {
      for (EventKind kind : dice.firedOn(day)) {
        fired.add(day + ":" + kind.name());
      }
    }
    return fired;
  }

  @Test
  void theSameSeedFiresTheSameEventsOnTheSameDaysAndAnotherSeedDoesNot() throws Exception {
    List<String> first = run(11);
    List<String> second = run(11);
    List<String> other = run(12);

    assertFalse(first.isEmpty());
    assertEquals(first, second);
    assertEquals(expected(11), first);
    assertNotEquals(first, other);
    assertEquals(expected(12), other);
    assertTrue(first.size() > 5, first::toString);
  }
}

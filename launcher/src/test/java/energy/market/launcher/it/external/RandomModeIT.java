package energy.market.launcher.it.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.MarketEvent;
import energy.market.client.ContractEnums;
import energy.market.external.EventCatalog;
import energy.market.external.RandomDays;
import energy.market.launcher.it.RunningMarket;
import energy.market.model.EventKind;
import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random mode with the daemon and the market as real processes: the market waits for the daemon in
 * the OPEN phase of days 1..30, and the events fired (day, kind) depend only on the seed.
 */
class RandomModeIT {
  private static final int DAYS = 30;
  private static final List<String> PROBABILITIES =
      List.of(
          "fuel-shortage=0.15", "war=0.15", "new-energy-law=0.15", "storm=0.15", "cold-snap=0.15");

  @TempDir Path dir;

  /** Runs a daemon with {@code seed} through 30 days; returns "day:kind" per event, as accepted. */
  private List<String> run(long seed) throws Exception {
    List<String> expected = expected(seed);
    List<String> args = new ArrayList<>(List.of("--random", "--seed", Long.toString(seed)));
    for (String p : PROBABILITIES) {
      args.addAll(List.of("--probability", p));
    }
    try (RunningMarket market =
            RunningMarket.waitingForParticipants(
                dir.resolve("run-" + seed + "-" + System.nanoTime()),
                DAYS,
                "--await-daemons",
                "1");
        ChildProcess daemon = market.external(args.toArray(String[]::new))) {
      market.ticks(DAYS, Await.LONG);
      BlockingQueue<MarketEvent> feed = market.events();
      List<String> fired = new ArrayList<>();
      for (int i = 0; i < expected.size(); i++) {
        MarketEvent event = RunningMarket.nextEvent(feed);
        EventKind kind = ContractEnums.eventKind(event.getKind());
        long day = Long.parseLong(event.getSource().replaceAll(".*, day (\\d+)\\)$", "$1"));
        fired.add(day + ":" + kind.name());
        // The id comes from seed, day and kind; the source shows the real signal was raised.
        assertEquals(RandomDays.eventId(seed, day, kind), event.getEventId());
        String signal = EventCatalog.defaults().entry(kind).signal();
        assertEquals(
            "SIG"
                + signal
                + " to pid "
                + daemon.pid()
                + " (random mode, seed "
                + seed
                + ", day "
                + day
                + ")",
            event.getSource(),
            kind.label());
      }
      assertTrue(feed.isEmpty(), "no more events than the dice fired: " + feed);
      return fired;
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

package energy.market.server.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.model.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DayClockTest {
  private final ManualScheduler scheduler = new ManualScheduler();
  private final List<String> log = new ArrayList<>();
  private final Object home = "home";
  private final Object daemon = "daemon";
  private Runnable pendingProceed;
  private boolean holdTrade;

  private final DayClock.Listener listener =
      new DayClock.Listener() {
        @Override
        public Set<Object> phaseStarted(long day, Phase phase, Instant deadline) {
          log.add(day + " " + phase + " start @" + scheduler.now().getEpochSecond() % 100_000);
          return switch (phase) {
            case OPEN -> Set.of(daemon);
            case GIFT, TRADE -> Set.of(home);
            case CLOSE -> Set.of();
          };
        }

        @Override
        public void phaseEnded(long day, Phase phase, Set<Object> pending, Runnable proceed) {
          log.add(day + " " + phase + " end late=" + pending.size());
          if (phase == Phase.TRADE && holdTrade) {
            pendingProceed = proceed;
          } else {
            proceed.run();
          }
        }

        @Override
        public void finished(long lastDay) {
          log.add("finished " + lastDay);
        }
      };

  @Test
  void aPhaseEndsAsSoonAsEveryParticipantIsDone() {
    DayClock clock = new DayClock(Pace.fast(Duration.ofSeconds(5)), 1, 1, scheduler, listener);
    clock.start();
    scheduler.advance(Duration.ZERO);
    assertEquals(Phase.OPEN, clock.phase());
    clock.done(daemon, 1, Phase.OPEN);
    assertEquals(Phase.GIFT, clock.phase());
    clock.done(home, 1, Phase.GIFT);
    clock.done(home, 1, Phase.TRADE);
    assertTrue(log.contains("1 CLOSE end late=0"));
    assertTrue(log.contains("1 TRADE end late=0"));
    scheduler.advance(Duration.ZERO);
    assertEquals("finished 1", log.get(log.size() - 1));
  }

  @Test
  void aLateParticipantNeverStallsTheDay() {
    DayClock clock = new DayClock(Pace.fast(Duration.ofSeconds(5)), 1, 2, scheduler, listener);
    clock.start();
    scheduler.advance(Duration.ofSeconds(4));
    assertEquals(Phase.OPEN, clock.phase(), "still waiting before the deadline");
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(Phase.GIFT, clock.phase());
    assertTrue(log.contains("1 OPEN end late=1"));
    scheduler.advance(Duration.ofSeconds(10));
    scheduler.advance(Duration.ofSeconds(10));
    assertTrue(log.contains("1 CLOSE end late=0"));
    assertEquals(2, clock.day());
  }

  @Test
  void aParticipantThatLeavesIsNoLongerWaitedFor() {
    DayClock clock = new DayClock(Pace.fast(Duration.ofSeconds(5)), 1, 1, scheduler, listener);
    clock.start();
    scheduler.advance(Duration.ZERO);
    clock.gone(daemon);
    assertEquals(Phase.GIFT, clock.phase());
  }

  @Test
  void staleReportsAreIgnored() {
    DayClock clock = new DayClock(Pace.fast(Duration.ofSeconds(5)), 1, 1, scheduler, listener);
    clock.start();
    scheduler.advance(Duration.ZERO);
    clock.done(daemon, 1, Phase.GIFT);
    clock.done(daemon, 7, Phase.OPEN);
    assertEquals(Phase.OPEN, clock.phase());
  }

  @Test
  void withAFixedDayLengthTheNextDayStartsOneDayLengthAfterThePrevious() {
    DayClock clock = new DayClock(Pace.fixed(Duration.ofSeconds(10)), 1, 3, scheduler, listener);
    clock.start();
    scheduler.advance(Duration.ZERO);
    clock.done(daemon, 1, Phase.OPEN);
    clock.done(home, 1, Phase.GIFT);
    clock.done(home, 1, Phase.TRADE);
    assertEquals(1, clock.day(), "day 2 waits for its start time");
    scheduler.advance(Duration.ofSeconds(9));
    assertEquals(1, clock.day());
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(2, clock.day());
    assertEquals(Phase.OPEN, clock.phase());
  }

  @Test
  void aPhaseWhoseClosingWorkIsAsynchronousHoldsTheClockUntilItProceeds() {
    holdTrade = true;
    DayClock clock = new DayClock(Pace.fast(Duration.ofSeconds(5)), 1, 1, scheduler, listener);
    clock.start();
    scheduler.advance(Duration.ZERO);
    clock.done(daemon, 1, Phase.OPEN);
    clock.done(home, 1, Phase.GIFT);
    clock.done(home, 1, Phase.TRADE);
    scheduler.advance(Duration.ofSeconds(60));
    assertEquals(Phase.TRADE, clock.phase());
    pendingProceed.run();
    assertTrue(log.contains("1 CLOSE end late=0"));
  }
}

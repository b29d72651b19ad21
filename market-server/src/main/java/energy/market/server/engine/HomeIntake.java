package energy.market.server.engine;

import energy.market.model.Energy;
import energy.market.model.Phase;
import energy.market.server.access.Caller;
import energy.market.server.clock.DayClock;
import energy.market.server.day.HomeCapacity;
import energy.market.server.day.HomeDay;
import energy.market.server.homes.HomeRegistry;
import java.util.List;
import java.util.logging.Logger;

/**
 * Takes in what homes report during GIFT (declarations, offers and claims, batched from a session
 * or one call at a time) and the phase ends of homes that act through unary calls. Runs on the
 * market thread.
 */
final class HomeIntake {
  private static final Logger LOG = Logger.getLogger(HomeIntake.class.getName());

  private final HomeRegistry registry;
  private final SessionTable sessions;
  private final CurrentDay current;
  private final DayClock clock;
  private final HomeCapacity capacity;

  HomeIntake(
      HomeRegistry registry,
      SessionTable sessions,
      CurrentDay current,
      DayClock clock,
      HomeCapacity capacity) {
    this.registry = registry;
    this.sessions = sessions;
    this.current = current;
    this.clock = clock;
    this.capacity = capacity;
  }

  /**
   * A session's GIFT batch. A bad entry is skipped and logged, not fatal to the others: one home's
   * mistake must not cost its neighbours their day.
   */
  void dayReports(Session session, long day, List<HomeReport> reports) {
    if (!current.isIn(day, Phase.GIFT)) {
      LOG.warning(session + " sent day " + day + " reports outside that day's GIFT; ignored");
      return;
    }
    DayState state = current.state();
    int rejected = 0;
    String firstReason = null;
    for (HomeReport report : reports) {
      try {
        if (!session.homes().contains(report.homeId())) {
          throw new IllegalArgumentException("home " + report.homeId() + " is not in it");
        }
        HomeDay home = state.takingPart(report.homeId());
        capacity.require(report.producedWh(), report.consumedWh());
        home.declare(report.producedWh(), report.consumedWh());
        if (report.offerWh() > 0) {
          home.offer(report.offerWh());
        }
        if (report.claimWh() > 0) {
          home.claim(report.claimWh());
        }
      } catch (RuntimeException e) {
        rejected++;
        firstReason = firstReason == null ? e.getMessage() : firstReason;
      }
    }
    if (rejected > 0) {
      LOG.warning(
          session + ": " + rejected + " day " + day + " reports rejected; first: " + firstReason);
    }
    clock.done(session, day, Phase.GIFT);
  }

  /** One home declares its day; returns its net energy. */
  long declareDay(Caller caller, long homeId, long day, long producedWh, long consumedWh) {
    // Bad figures are bad whenever they come, so they are refused before the moment is checked.
    Energy.requireAmount("produced energy", producedWh, true);
    Energy.requireAmount("consumed energy", consumedWh, true);
    capacity.require(producedWh, consumedWh);
    giftPhaseHome(caller, homeId, day).declare(producedWh, consumedWh);
    return producedWh - consumedWh;
  }

  /** One home offers a gift; returns its total offer. */
  long offer(Caller caller, long homeId, long day, long wh) {
    Energy.requireAmount("gift offer", wh, false);
    return giftPhaseHome(caller, homeId, day).offer(wh);
  }

  /** One home claims gifts; returns its total claim. */
  long claim(Caller caller, long homeId, long day, long wh) {
    Energy.requireAmount("gift claim", wh, false);
    return giftPhaseHome(caller, homeId, day).claim(wh);
  }

  /** A unary home is done with a phase. */
  void finishPhase(Caller caller, long homeId, long day, Phase phase) {
    caller.actFor(registry, homeId);
    // A finish for another day or phase would be taken for nothing; saying so helps the client.
    current.requireIn(day, phase);
    Session session = sessions.sessionOf(homeId);
    if (session == null) {
      throw new IllegalStateException(
          "home " + homeId + " has no session; follow it with FollowSession first");
    }
    clock.done(session, day, phase);
  }

  private HomeDay giftPhaseHome(Caller caller, long homeId, long day) {
    caller.actFor(registry, homeId);
    DayState state = current.require(day);
    if (current.phase() != Phase.GIFT) {
      throw new IllegalStateException(
          "day " + day + " is in " + current.phase() + "; declarations and gifts need GIFT");
    }
    return state.takingPart(homeId);
  }
}

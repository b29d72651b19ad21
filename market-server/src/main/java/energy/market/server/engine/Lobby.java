package energy.market.server.engine;

import energy.market.server.access.Caller;
import energy.market.server.clock.DayClock;
import energy.market.server.homes.HomeRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.logging.Logger;

/**
 * Lets participants in: checks their credentials, opens their sessions, tells them the first day
 * they take part in, and opens day 1 once everyone awaited is in. Runs on the market thread.
 */
final class Lobby {
  private static final Logger LOG = Logger.getLogger(Lobby.class.getName());

  private final HomeRegistry registry;
  private final SessionTable sessions;
  private final CurrentDay current;
  private final StartGate startGate = new StartGate();
  private final DayClock clock;

  Lobby(HomeRegistry registry, SessionTable sessions, CurrentDay current, DayClock clock) {
    this.registry = registry;
    this.sessions = sessions;
    this.current = current;
    this.clock = clock;
  }

  /** Opens day 1 once this many homes and daemons are connected (at once for none). */
  void startWhen(int homes, int daemons) {
    startGate.await(homes, daemons);
    if (homes > 0 || daemons > 0) {
      LOG.info("day 1 opens once " + homes + " homes and " + daemons + " daemons are connected");
    }
    startIfReady();
  }

  /**
   * Opens a session for homes registered before.
   *
   * @throws energy.market.server.homes.PermissionDeniedException when the caller does not hold the
   *     secret of every home
   */
  Session admitHomes(
      Caller caller, Collection<Long> homeIds, boolean unary, String label, SessionSink sink) {
    if (homeIds.isEmpty()) {
      throw new IllegalArgumentException("a session needs at least one home (or a daemon role)");
    }
    List<Long> ids = new ArrayList<>();
    for (long homeId : new LinkedHashSet<>(homeIds)) {
      ids.add(caller.actFor(registry, homeId).id());
    }
    Session session = sessions.openHomes(ids, unary, label, sink);
    // Homes that can still finish the day in progress go on with it; any other joins from the
    // next day, so it sends no order for a day it did not declare.
    session.joinsFrom(current.canStillTakePart(session) ? current.number() : current.nextJoinDay());
    sink.welcome(List.copyOf(session.homes()), session.firstDay());
    LOG.fine(
        () ->
            session
                + " joined with homes "
                + session.homes()
                + "; takes part from day "
                + session.firstDay());
    startIfReady();
    return session;
  }

  /**
   * Opens a daemon's session.
   *
   * @throws energy.market.server.homes.PermissionDeniedException unless the caller is the operator
   */
  Session admitDaemon(Caller caller, Session.Kind kind, String label, SessionSink sink) {
    caller.requireOperator("a daemon session");
    if (kind != Session.Kind.WEATHER && kind != Session.Kind.EXTERNAL) {
      throw new IllegalArgumentException("not a daemon kind: " + kind);
    }
    Session session = sessions.openDaemon(kind, label, sink);
    session.joinsFrom(current.nextJoinDay());
    sink.welcome(List.of(), session.firstDay());
    LOG.info(session + " joined");
    startIfReady();
    return session;
  }

  private void startIfReady() {
    if (startGate.opensNow(sessions.homesConnected(), sessions.daemons())) {
      clock.start();
    }
  }
}

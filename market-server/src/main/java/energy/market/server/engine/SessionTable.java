package energy.market.server.engine;

import energy.market.server.day.HomeDaySummary;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The connected sessions and which session each home is in. Changed by the market thread only; the
 * home-to-session map is concurrent so that reads of accounts need not queue on that thread.
 */
final class SessionTable {
  private static final Logger LOG = Logger.getLogger(SessionTable.class.getName());

  private final Set<Session> sessions = new LinkedHashSet<>();
  private final Map<Long, Session> sessionOfHome = new ConcurrentHashMap<>();
  private final Map<Long, Integer> missedDays = new HashMap<>();
  private final int maxMissedDays;
  private Consumer<Session> onLeave = session -> {};
  private long lastSessionId;
  private volatile int homesConnected;

  /**
   * @param maxMissedDays after this many undeclared days in a row, a home is dropped
   */
  SessionTable(int maxMissedDays) {
    this.maxMissedDays = maxMissedDays;
  }

  /** Tells {@code listener} of every session that leaves (the day clock stops waiting for it). */
  void onLeave(Consumer<Session> listener) {
    this.onLeave = listener;
  }

  /**
   * Opens a session for these (authenticated) homes. A home already in another session moves to
   * this one: a reconnecting process takes its homes back, and a session left with none ends.
   */
  Session openHomes(List<Long> homeIds, boolean unary, String label, SessionSink sink) {
    Session session =
        new Session(
            ++lastSessionId, unary ? Session.Kind.UNARY_HOME : Session.Kind.HOMES, label, sink);
    for (long id : homeIds) {
      Session previous = sessionOfHome.put(id, session);
      if (previous != null && previous != session) {
        LOG.fine(() -> "home " + id + " moved from " + previous + " to " + session);
        previous.homes().remove(id);
        if (previous.homes().isEmpty()) {
          end(previous, "its homes were taken over by a newer session");
        }
      }
      session.homes().add(id);
    }
    sessions.add(session);
    homesConnected = sessionOfHome.size();
    return session;
  }

  /** Opens a daemon's session. */
  Session openDaemon(Session.Kind kind, String label, SessionSink sink) {
    Session session = new Session(++lastSessionId, kind, label, sink);
    sessions.add(session);
    return session;
  }

  /** A session's stream ended: its homes leave. */
  void close(Session session) {
    if (!session.isOpen()) {
      return;
    }
    session.markClosed();
    sessions.remove(session);
    for (long id : session.homes()) {
      sessionOfHome.remove(id, session);
    }
    homesConnected = sessionOfHome.size();
    LOG.fine(() -> session + " left; " + homesConnected + " homes connected");
    onLeave.accept(session);
  }

  /** The market ends a session and tells it why. */
  void end(Session session, String reason) {
    LOG.fine(() -> "the market ends " + session + ": " + reason);
    close(session);
    session.sink().end(reason);
  }

  /** Every open session, in the order they opened. */
  List<Session> all() {
    return List.copyOf(sessions);
  }

  /** How many daemons are connected. */
  long daemons() {
    return sessions.stream().filter(Session::isDaemon).count();
  }

  /** How many homes are connected. */
  int homesConnected() {
    return homesConnected;
  }

  /** The ids of the connected homes. */
  Set<Long> connectedHomes() {
    return sessionOfHome.keySet();
  }

  /** The session a home is in, or null. */
  Session sessionOf(long homeId) {
    return sessionOfHome.get(homeId);
  }

  /** True when a session of the home is connected. */
  boolean isConnected(long homeId) {
    return sessionOfHome.containsKey(homeId);
  }

  /**
   * Counts the days each connected home did not declare, and drops a home that missed too many in a
   * row (a process that stopped sending but kept its stream open would hold every day otherwise).
   */
  void countMissedDays(List<HomeDaySummary> summaries) {
    for (HomeDaySummary summary : summaries) {
      Session session = sessionOfHome.get(summary.homeId());
      if (summary.declared() || session == null) {
        missedDays.remove(summary.homeId());
        continue;
      }
      int missed = missedDays.merge(summary.homeId(), 1, Integer::sum);
      if (missed >= maxMissedDays) {
        missedDays.remove(summary.homeId());
        sessionOfHome.remove(summary.homeId());
        session.homes().remove(summary.homeId());
        homesConnected = sessionOfHome.size();
        LOG.warning(
            "home "
                + summary.homeId()
                + " missed "
                + missed
                + " days in a row; dropped from "
                + session);
        if (session.homes().isEmpty()) {
          end(session, "dropped after " + missed + " missed days");
        }
      }
    }
  }
}

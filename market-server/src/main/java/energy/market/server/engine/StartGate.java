package energy.market.server.engine;

/**
 * Decides when day 1 opens: once asked to start, and once the participants it was told to wait for
 * are connected, so that a run whose participants start together has them all from day 1 and is
 * reproducible. Used by the market thread only.
 */
final class StartGate {
  private int awaitedHomes = -1; // -1: start not asked for yet
  private int awaitedDaemons;
  private boolean started;

  /**
   * Checks the numbers a start may wait for.
   *
   * @throws IllegalArgumentException for a negative number
   */
  static void requireCounts(int homes, int daemons) {
    if (homes < 0 || daemons < 0) {
      throw new IllegalArgumentException("cannot wait for a negative number of participants");
    }
  }

  /** Asks for a start once this many homes and daemons are connected. */
  void await(int homes, int daemons) {
    requireCounts(homes, daemons);
    awaitedHomes = homes;
    awaitedDaemons = daemons;
  }

  /** True exactly once: the first time the awaited participants are all connected. */
  boolean opensNow(int homesConnected, long daemonsConnected) {
    if (started || awaitedHomes < 0) {
      return false;
    }
    if (homesConnected >= awaitedHomes && daemonsConnected >= awaitedDaemons) {
      started = true;
      return true;
    }
    return false;
  }
}

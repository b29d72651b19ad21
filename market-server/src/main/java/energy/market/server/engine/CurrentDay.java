package energy.market.server.engine;

import energy.market.model.Phase;
import energy.market.server.feed.Tick;
import energy.market.server.price.PriceParameters;

/**
 * Where the market stands: the day in progress and its phase, and the price and temperature a new
 * day starts from. Written by the market thread only, read anywhere.
 */
final class CurrentDay {
  /**
   * Where a market stands after {@code lastClosedDay}: the last tick's price and temperature, or
   * (no day closed yet) the initial price and, until the first weather report, a day in the middle
   * of the comfort band, so a market without a weather daemon is not pushed by an imaginary cold.
   *
   * @param last the last tick, or null before the first close
   */
  static CurrentDay after(long lastClosedDay, Tick last, PriceParameters price) {
    if (last != null) {
      return new CurrentDay(lastClosedDay, last.priceMicro(), last.temperatureCelsius());
    }
    return new CurrentDay(
        lastClosedDay,
        price.initialMicro(),
        (price.comfortLowCelsius() + price.comfortHighCelsius()) / 2);
  }

  private volatile DayState state;
  private volatile long number;
  private volatile Phase phase;
  private volatile long priceMicro;
  private volatile double lastTemperature;
  private volatile ClosingDay closing;

  /**
   * @param lastClosedDay the last day closed before this run (0 for a new market)
   * @param priceMicro the price the next day trades at
   * @param lastTemperature the temperature a day keeps when no weather report comes
   */
  CurrentDay(long lastClosedDay, long priceMicro, double lastTemperature) {
    this.number = lastClosedDay;
    this.priceMicro = priceMicro;
    this.lastTemperature = lastTemperature;
  }

  /** The day in progress, or null before the first day opened. */
  DayState state() {
    return state;
  }

  /** The day in progress (the last closed day before the clock runs). */
  long number() {
    return number;
  }

  /** The phase in progress; null before the clock runs. */
  Phase phase() {
    return phase;
  }

  /** The price the next day opens at. */
  long priceMicro() {
    return priceMicro;
  }

  /** The temperature of the last day that had one. */
  double lastTemperature() {
    return lastTemperature;
  }

  void phaseStarted(long day, Phase phase) {
    this.number = day;
    this.phase = phase;
  }

  void opened(DayState day) {
    this.state = day;
  }

  /** A day closed at this price and temperature; the next day starts from them. */
  void closed(long priceMicro, double temperatureCelsius) {
    this.priceMicro = priceMicro;
    this.lastTemperature = temperatureCelsius;
  }

  /**
   * A day settled whose close the ledger is still keeping (null when none): views show it, in its
   * CLOSE, until its close is kept and told, even though the next day may have opened.
   */
  void closing(ClosingDay day) {
    this.closing = day;
  }

  /** The day whose close the ledger is keeping, or null. */
  ClosingDay closing() {
    return closing;
  }

  /** The first day a home joining now takes part in. */
  long nextJoinDay() {
    return number + 1;
  }

  /** True while {@code day} is in progress and in {@code phase}. */
  boolean isIn(long day, Phase phase) {
    DayState current = state;
    return current != null && current.day() == day && this.phase == phase;
  }

  /**
   * True when a session joining now can still take part in the day in progress: during OPEN when
   * its homes are in the day (they will hear GIFT begin), and during GIFT and TRADE only when every
   * one of its homes in the day declared it already (a session that reconnects after its reports
   * arrived; a day resumed after a restart with its declarations). A home that has not declared can
   * no longer do so in time, so its session joins from the next day and trades nothing today.
   */
  boolean canStillTakePart(Session session) {
    DayState current = state;
    Phase now = phase;
    if (current == null || current.day() != number || now == null || now == Phase.CLOSE) {
      return false;
    }
    return now == Phase.OPEN ? current.takesPart(session) : current.declaredByAll(session);
  }

  /**
   * The day in progress, which must be {@code day}: the one rule for the day a request names, the
   * same in every method that acts on a day. Any other day, before day 1, over or in the future, is
   * bad input.
   *
   * @throws IllegalArgumentException for any other day
   */
  DayState require(long day) {
    DayState current = state;
    if (current == null || current.day() != day) {
      long now = number;
      String which =
          day < 1
              ? "is not a day (days start at 1)"
              : day < now ? "is over" : day > now ? "has not begun" : "has not opened";
      throw new IllegalArgumentException(
          "day " + day + " " + which + "; the current day is " + now + " and only it is accepted");
    }
    return current;
  }

  /**
   * The day in progress, which must be {@code day} and in {@code phase}.
   *
   * @throws IllegalArgumentException for any other day (see {@link #require})
   * @throws IllegalStateException for another phase
   */
  DayState requireIn(long day, Phase phase) {
    DayState current = require(day);
    Phase now = this.phase;
    if (now != phase) {
      throw new IllegalStateException(
          "day " + day + " is in " + now + ", not " + phase + "; this call belongs to " + phase);
    }
    return current;
  }

  /**
   * The first day an event accepted now moves: the current day's close, or the next day's once the
   * current day closed (or before the clock runs, when the current day is the last closed one).
   */
  long eventStartDay() {
    Phase current = phase;
    return current == null || current == Phase.CLOSE ? number + 1 : number;
  }
}

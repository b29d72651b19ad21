package energy.market.model;

/** The phases of a simulated day, in the order the market runs them. */
public enum Phase {
  /** The day begins; the weather and external daemons report. */
  OPEN,
  /** Homes declare their energy and offer or claim gifts. */
  GIFT,
  /** Homes sell and buy at the day's price. */
  TRADE,
  /** Price update, books, tick. */
  CLOSE;

  /** The phase after this one, or null after CLOSE. */
  public Phase next() {
    return this == CLOSE ? null : values()[ordinal() + 1];
  }
}

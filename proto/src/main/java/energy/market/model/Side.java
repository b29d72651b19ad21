package energy.market.model;

/** The direction of a trade, seen from the home. */
public enum Side {
  /** The home buys from the market. */
  BUY,
  /** The home sells to the market. */
  SELL
}

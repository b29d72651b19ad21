package energy.market.server.feed;

/**
 * Where a subscription delivers items; implemented at the transport edge (a gRPC stream). Calls for
 * one sink are never concurrent.
 */
public interface FeedSink<T> {
  /** True when the transport can take another item without buffering it. */
  boolean isReady();

  /** Delivers one item. */
  void send(T item);

  /** Ends the subscription because the subscriber fell too far behind. */
  void drop(String reason);

  /** Ends the subscription because the feed itself stops (the market shuts down). */
  default void end(String reason) {}
}

package energy.market.server.price;

/**
 * One event's part in one close.
 *
 * @param event the event
 * @param remainingDays closes it still moves after this one
 * @param effectMicro its effect on this close, micro-EUR/kWh
 */
public record ActiveEffect(MarketEventRecord event, int remainingDays, long effectMicro) {}

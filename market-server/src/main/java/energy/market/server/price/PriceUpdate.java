package energy.market.server.price;

/**
 * The price a close sets.
 *
 * @param priceMicro the new price, micro-EUR/kWh
 * @param bounded true when the floor or the cap decided it
 */
public record PriceUpdate(long priceMicro, boolean bounded) {}

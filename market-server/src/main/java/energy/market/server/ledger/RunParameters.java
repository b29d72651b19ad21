package energy.market.server.ledger;

import energy.market.server.price.EventCatalog;
import energy.market.server.price.PriceParameters;

/**
 * What fixes a run's outcome, kept in the ledger at its first start: a resumed run goes on with
 * these whatever the command line says (a conflicting option is refused).
 *
 * @param seed the seed of the market's random choices
 * @param price the price model's coefficients
 * @param catalog the event catalog
 */
public record RunParameters(long seed, PriceParameters price, EventCatalog catalog) {}

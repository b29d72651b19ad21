package energy.market.server.engine;

import energy.market.model.Policy;

/**
 * A home asking to register, as its caller sent it: checked by the market, not here.
 *
 * @param name the home's name
 * @param policy its trade policy; null when the caller gave none
 * @param secret its secret
 */
public record HomeApplication(String name, Policy policy, String secret) {}

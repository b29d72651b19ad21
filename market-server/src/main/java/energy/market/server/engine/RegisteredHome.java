package energy.market.server.engine;

import energy.market.server.homes.Home;

/**
 * A home the market knows, as its registration answers.
 *
 * @param home the home
 * @param resumed true when the name was registered before with the same secret
 * @param firstDay the first day it takes part in when it connects now
 */
public record RegisteredHome(Home home, boolean resumed, long firstDay) {}

package energy.market.server.engine;

import energy.market.server.homes.Home;

/**
 * A home the market knows, as its registration answers.
 *
 * @param home the home
 * @param token the session token that proves it is this home
 * @param resumed true when an existing home came back with its token
 * @param firstDay the first day it takes part in when it connects now
 */
public record RegisteredHome(Home home, String token, boolean resumed, long firstDay) {}

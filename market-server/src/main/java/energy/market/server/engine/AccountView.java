package energy.market.server.engine;

import energy.market.server.day.Account;
import energy.market.server.homes.Home;

/**
 * A home and its account, as of the last closed day.
 *
 * @param home the home
 * @param account its totals
 * @param connected whether a session of it is connected
 */
public record AccountView(Home home, Account account, boolean connected) {}

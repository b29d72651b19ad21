package energy.market.server.homes;

import energy.market.model.Policy;

/**
 * A registered home.
 *
 * @param id the market's id for it, from 1 in order of registration
 * @param name its unique name
 * @param policy what it does with surplus
 * @param secretHash the SHA-256 of the secret the home chose, hex
 */
public record Home(long id, String name, Policy policy, String secretHash) {}

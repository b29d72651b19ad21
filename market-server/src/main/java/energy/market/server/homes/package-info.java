/** Registered homes, their identities and the hashes of their secrets. */
package energy.market.server.homes;

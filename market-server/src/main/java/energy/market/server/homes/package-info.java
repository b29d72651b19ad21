/** Registered homes, their identities and session tokens. */
package energy.market.server.homes;

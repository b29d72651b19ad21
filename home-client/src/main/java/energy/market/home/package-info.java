/**
 * Homes: their daily energy draws, trade policies and accounts, as small event-driven objects (not
 * threads), so one process can host one home or many thousands.
 */
package energy.market.home;

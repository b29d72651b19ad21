/**
 * The external daemon's side of the contract: reports the outbox's events to the market's {@code
 * Events/ReportEvent} and maps each call's status to retry or drop.
 */
package energy.market.external.client;

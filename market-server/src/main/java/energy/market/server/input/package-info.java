/**
 * The limits every input of the market meets before it is stored or echoed: the lengths and
 * characters of text fields, and how a status message may quote what a client sent. Plain Java, no
 * gRPC, so the domain and the transport edge share one set of rules.
 */
package energy.market.server.input;

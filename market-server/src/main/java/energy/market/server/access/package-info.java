/**
 * Who may do what: the caller a call's credentials prove ({@link
 * energy.market.server.access.Caller}), how credentials are checked ({@link
 * energy.market.server.access.Authenticator}), whether strangers may register ({@link
 * energy.market.server.access.Registration}) and how fast one peer may register ({@link
 * energy.market.server.access.PeerRateLimit}). Free of gRPC types: the transport edge reads the
 * credentials from the call's metadata and hands them here.
 */
package energy.market.server.access;

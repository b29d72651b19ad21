/** Throwaway certificates for {@code simulate --tls} and the TLS tests. */
package energy.market.launcher.tls;

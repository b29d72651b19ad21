/**
 * The command line every role shares: options declared once as Picocli mixins (the market's
 * address, the seed, the operator credentials, the comfort band) and the one way a command reports
 * an error (one line on stderr and an exit code).
 */
package energy.market.client.cli;

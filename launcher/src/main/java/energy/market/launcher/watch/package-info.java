/** {@code energy-market watch}: the live view of any running market, in a terminal or a window. */
package energy.market.launcher.watch;

/**
 * The live view of a market: plain renderers (what to draw from a list of days) and the sinks that
 * draw them on a terminal, as plain lines, as a progress bar or in a window.
 */
package energy.market.launcher.view;

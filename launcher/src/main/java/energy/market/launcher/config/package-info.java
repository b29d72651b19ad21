/**
 * {@code --config FILE}: option defaults from a properties file, shared by every command, with
 * flags winning over the file and unknown keys or bad values refused before anything starts.
 */
package energy.market.launcher.config;

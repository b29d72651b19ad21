package energy.market.home;

/**
 * The market closed a day: what a home process reports and counts.
 *
 * @param day the day
 * @param temperatureCelsius the day's temperature as the market used it
 * @param homes how many homes took part in the day
 */
public record DayClosed(long day, double temperatureCelsius, long homes) {}

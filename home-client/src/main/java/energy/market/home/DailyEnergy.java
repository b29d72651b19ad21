package energy.market.home;

/** One home model: a home's energy on a day, from (seed, home, day) and the day's temperature. */
interface DailyEnergy {
  /**
   * @param homeName the home
   * @param day the day, 1 being the 1st of January
   * @param temperatureCelsius the day's temperature
   */
  EnergyDraw draw(String homeName, long day, double temperatureCelsius);
}

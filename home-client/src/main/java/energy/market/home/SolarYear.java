package energy.market.home;

/**
 * The calendar of the seasonal model, the same as the weather daemon's by default: day 1 is the 1st
 * of January and a year has 365 days (the weather's seasonal norm peaks on day 196, mid-July; the
 * sun's day is longest on day 172, the 21st of June).
 */
final class SolarYear {
  /** Days in a year. */
  static final int DAYS = 365;

  private SolarYear() {}

  /** The day of the year, 1..365, of a simulated day (day 366 is the 1st of January again). */
  static int dayOfYear(long day) {
    return (int) Math.floorMod(day - 1, (long) DAYS) + 1;
  }

  /**
   * How summery a day is: 1 on {@code sunniestDay}, 0 half a year away, a cosine in between. The
   * length of a day and the height of the sun follow this curve closely enough for daily totals.
   */
  static double summerShare(long day, int sunniestDay) {
    double angle = 2 * Math.PI * (dayOfYear(day) - sunniestDay) / DAYS;
    return (1 + Math.cos(angle)) / 2;
  }
}

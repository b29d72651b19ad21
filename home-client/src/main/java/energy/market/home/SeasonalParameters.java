package energy.market.home;

/**
 * The knobs of the seasonal home model. Heating and cooling per degree and the comfort band are the
 * ones of {@link HomeParameters}, scaled by the size of each household.
 *
 * @param pvMinKw the smallest solar array of a home, kW peak
 * @param pvMaxKw the largest solar array of a home, kW peak (each home's is drawn in between)
 * @param winterSunHours full-sun hours of a clear day at midwinter: kWh a kW-peak array gives
 * @param summerSunHours full-sun hours of a clear day at midsummer
 * @param sunniestDay the day of the year (1..365, day 1 the 1st of January) with the most sun
 * @param cloudLoss the share (0..1) of the sun an overcast sky takes away
 * @param householdMinWh the smallest household's consumption on an average day, Wh
 * @param householdMaxWh the largest household's (each home's is drawn in between)
 * @param loadSwing how much more (in winter) and less (in summer) a household uses for light and
 *     being indoors, as a share (0..1) of its average
 * @param loadNoise a household's day-to-day variation, a share (0..1) either way
 */
public record SeasonalParameters(
    double pvMinKw,
    double pvMaxKw,
    double winterSunHours,
    double summerSunHours,
    int sunniestDay,
    double cloudLoss,
    long householdMinWh,
    long householdMaxWh,
    double loadSwing,
    double loadNoise) {

  /**
   * A mid-latitude community: 2-8 kW-peak arrays, 1.5 (winter) to 7 (summer) sun hours, overcast
   * skies taking 70% away, households of 6-14 kWh a day swinging 25% over the year.
   */
  public static final SeasonalParameters DEFAULTS =
      new SeasonalParameters(2, 8, 1.5, 7, 172, 0.7, 6_000, 14_000, 0.25, 0.15);

  /** The largest array allowed, kW peak. */
  public static final double MAX_PV_KW = 100_000;

  public SeasonalParameters {
    if (!(pvMinKw >= 0 && pvMinKw <= pvMaxKw && pvMaxKw <= MAX_PV_KW)) {
      throw new IllegalArgumentException(
          "--pv-size "
              + pvMinKw
              + "-"
              + pvMaxKw
              + " kW is not allowed; need 0 <= min <= max <= "
              + (long) MAX_PV_KW);
    }
    if (!(winterSunHours >= 0
        && winterSunHours <= 24
        && summerSunHours >= 0
        && summerSunHours <= 24)) {
      throw new IllegalArgumentException(
          "--sun-hours "
              + winterSunHours
              + "-"
              + summerSunHours
              + " is not allowed; each must be in 0..24 hours");
    }
    if (sunniestDay < 1 || sunniestDay > SolarYear.DAYS) {
      throw new IllegalArgumentException(
          "--sunniest-day " + sunniestDay + " is out of range 1.." + SolarYear.DAYS);
    }
    share("--cloud-loss", cloudLoss);
    if (householdMinWh < 0
        || householdMaxWh < householdMinWh
        || householdMaxWh > HomeParameters.MAX_WH) {
      throw new IllegalArgumentException(
          "--household "
              + householdMinWh / 1000.0
              + "-"
              + householdMaxWh / 1000.0
              + " kWh is not allowed; need 0 <= min <= max <= "
              + HomeParameters.MAX_WH / 1000);
    }
    share("--load-swing", loadSwing);
    share("--load-noise", loadNoise);
  }

  private static void share(String option, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(option + " " + value + " is out of range 0..1");
    }
  }

  /** The average household's consumption on an average day, Wh: what heating is scaled against. */
  double meanHouseholdWh() {
    return (householdMinWh + householdMaxWh) / 2.0;
  }
}

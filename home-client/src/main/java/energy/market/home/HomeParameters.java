package energy.market.home;

/**
 * How homes draw their energy each day, in Wh: the model, the course model's ranges, the heating
 * and cooling both models share, and the seasonal model's knobs.
 *
 * @param productionMinWh the least a home produces in a day
 * @param productionMaxWh the most a home produces in a day
 * @param consumptionMinWh the least a home consumes on a comfortable day
 * @param consumptionMaxWh the most a home consumes on a comfortable day
 * @param heatingWhPerDegree extra consumption per degree below the comfort band
 * @param coolingWhPerDegree extra consumption per degree above the comfort band
 * @param comfortLowCelsius below this temperature homes heat
 * @param comfortHighCelsius above this temperature homes cool
 * @param model which model draws the energy
 * @param seasonal the seasonal model's knobs (unused by the course model)
 */
public record HomeParameters(
    long productionMinWh,
    long productionMaxWh,
    long consumptionMinWh,
    long consumptionMaxWh,
    long heatingWhPerDegree,
    long coolingWhPerDegree,
    double comfortLowCelsius,
    double comfortHighCelsius,
    HomeModel model,
    SeasonalParameters seasonal) {

  /** The course project's ranges (production 20-80 kWh, consumption 6-60 kWh). */
  public static final HomeParameters DEFAULTS =
      new HomeParameters(20_000, 80_000, 6_000, 60_000, 1_000, 800, 15.0, 22.0);

  /** The course model with these ranges. */
  public HomeParameters(
      long productionMinWh,
      long productionMaxWh,
      long consumptionMinWh,
      long consumptionMaxWh,
      long heatingWhPerDegree,
      long coolingWhPerDegree,
      double comfortLowCelsius,
      double comfortHighCelsius) {
    this(
        productionMinWh,
        productionMaxWh,
        consumptionMinWh,
        consumptionMaxWh,
        heatingWhPerDegree,
        coolingWhPerDegree,
        comfortLowCelsius,
        comfortHighCelsius,
        HomeModel.COURSE,
        SeasonalParameters.DEFAULTS);
  }

  /** The same parameters drawn with another model. */
  public HomeParameters withModel(HomeModel newModel, SeasonalParameters newSeasonal) {
    return new HomeParameters(
        productionMinWh,
        productionMaxWh,
        consumptionMinWh,
        consumptionMaxWh,
        heatingWhPerDegree,
        coolingWhPerDegree,
        comfortLowCelsius,
        comfortHighCelsius,
        newModel,
        newSeasonal);
  }

  /** The largest draw allowed, per day: 1 GWh. */
  public static final long MAX_WH = 1_000_000_000L;

  public HomeParameters {
    if (model == null || seasonal == null) {
      throw new IllegalArgumentException("a home model and its seasonal knobs are required");
    }
    range("production", productionMinWh, productionMaxWh);
    range("consumption", consumptionMinWh, consumptionMaxWh);
    if (heatingWhPerDegree < 0 || heatingWhPerDegree > 1_000_000) {
      throw new IllegalArgumentException(
          "heating " + heatingWhPerDegree + " Wh per degree is out of range 0..1000000");
    }
    if (coolingWhPerDegree < 0 || coolingWhPerDegree > 1_000_000) {
      throw new IllegalArgumentException(
          "cooling " + coolingWhPerDegree + " Wh per degree is out of range 0..1000000");
    }
    if (!Double.isFinite(comfortLowCelsius)
        || !Double.isFinite(comfortHighCelsius)
        || comfortLowCelsius > comfortHighCelsius) {
      throw new IllegalArgumentException(
          "comfort band "
              + comfortLowCelsius
              + ".."
              + comfortHighCelsius
              + " C is not a range of finite temperatures");
    }
  }

  private static void range(String what, long min, long max) {
    if (min < 0 || max < min || max > MAX_WH) {
      throw new IllegalArgumentException(
          what
              + " range "
              + min
              + ".."
              + max
              + " Wh is not allowed; need 0 <= min <= max <= "
              + MAX_WH);
    }
  }

  /** Extra consumption on a day of this temperature, Wh, rounded to whole Wh. */
  public long weatherExtraWh(double celsius) {
    double heating = Math.max(0, comfortLowCelsius - celsius) * heatingWhPerDegree;
    double cooling = Math.max(0, celsius - comfortHighCelsius) * coolingWhPerDegree;
    return Math.round(heating + cooling);
  }
}

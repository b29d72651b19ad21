package energy.market.home;

import java.util.Map;

/** The keys of {@link HomeParameters} in a {@link HomeSettingsFile}. */
final class HomeParametersProperties {
  private HomeParametersProperties() {}

  static void put(Map<String, String> values, HomeParameters parameters) {
    putLong(values, "production-min-wh", parameters.productionMinWh());
    putLong(values, "production-max-wh", parameters.productionMaxWh());
    putLong(values, "consumption-min-wh", parameters.consumptionMinWh());
    putLong(values, "consumption-max-wh", parameters.consumptionMaxWh());
    putLong(values, "heating-wh-per-degree", parameters.heatingWhPerDegree());
    putLong(values, "cooling-wh-per-degree", parameters.coolingWhPerDegree());
    putDouble(values, "comfort-low-celsius", parameters.comfortLowCelsius());
    putDouble(values, "comfort-high-celsius", parameters.comfortHighCelsius());
    values.put("model", parameters.model().name());
    SeasonalParameters seasonal = parameters.seasonal();
    putDouble(values, "pv-min-kw", seasonal.pvMinKw());
    putDouble(values, "pv-max-kw", seasonal.pvMaxKw());
    putDouble(values, "winter-sun-hours", seasonal.winterSunHours());
    putDouble(values, "summer-sun-hours", seasonal.summerSunHours());
    putLong(values, "sunniest-day", seasonal.sunniestDay());
    putDouble(values, "cloud-loss", seasonal.cloudLoss());
    putLong(values, "household-min-wh", seasonal.householdMinWh());
    putLong(values, "household-max-wh", seasonal.householdMaxWh());
    putDouble(values, "load-swing", seasonal.loadSwing());
    putDouble(values, "load-noise", seasonal.loadNoise());
  }

  static HomeParameters read(HomeSettingsFile.Values values) {
    SeasonalParameters seasonal =
        new SeasonalParameters(
            values.decimal("pv-min-kw"),
            values.decimal("pv-max-kw"),
            values.decimal("winter-sun-hours"),
            values.decimal("summer-sun-hours"),
            Math.toIntExact(values.number("sunniest-day")),
            values.decimal("cloud-loss"),
            values.number("household-min-wh"),
            values.number("household-max-wh"),
            values.decimal("load-swing"),
            values.decimal("load-noise"));
    return new HomeParameters(
        values.number("production-min-wh"),
        values.number("production-max-wh"),
        values.number("consumption-min-wh"),
        values.number("consumption-max-wh"),
        values.number("heating-wh-per-degree"),
        values.number("cooling-wh-per-degree"),
        values.decimal("comfort-low-celsius"),
        values.decimal("comfort-high-celsius"),
        values.constant("model", HomeModel.class),
        seasonal);
  }

  private static void putLong(Map<String, String> values, String key, long value) {
    values.put(key, Long.toString(value));
  }

  private static void putDouble(Map<String, String> values, String key, double value) {
    // Double.toString reads back as the same double.
    values.put(key, Double.toString(value));
  }
}

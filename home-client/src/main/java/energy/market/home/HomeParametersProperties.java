package energy.market.home;

import java.util.Properties;

/** The keys of {@link HomeParameters} in a {@link HomeSettingsFile}. */
final class HomeParametersProperties {
  private HomeParametersProperties() {}

  static void put(Properties properties, HomeParameters parameters) {
    putLong(properties, "production-min-wh", parameters.productionMinWh());
    putLong(properties, "production-max-wh", parameters.productionMaxWh());
    putLong(properties, "consumption-min-wh", parameters.consumptionMinWh());
    putLong(properties, "consumption-max-wh", parameters.consumptionMaxWh());
    putLong(properties, "heating-wh-per-degree", parameters.heatingWhPerDegree());
    putLong(properties, "cooling-wh-per-degree", parameters.coolingWhPerDegree());
    putDouble(properties, "comfort-low-celsius", parameters.comfortLowCelsius());
    putDouble(properties, "comfort-high-celsius", parameters.comfortHighCelsius());
    properties.setProperty("model", parameters.model().name());
    SeasonalParameters seasonal = parameters.seasonal();
    putDouble(properties, "pv-min-kw", seasonal.pvMinKw());
    putDouble(properties, "pv-max-kw", seasonal.pvMaxKw());
    putDouble(properties, "winter-sun-hours", seasonal.winterSunHours());
    putDouble(properties, "summer-sun-hours", seasonal.summerSunHours());
    putLong(properties, "sunniest-day", seasonal.sunniestDay());
    putDouble(properties, "cloud-loss", seasonal.cloudLoss());
    putLong(properties, "household-min-wh", seasonal.householdMinWh());
    putLong(properties, "household-max-wh", seasonal.householdMaxWh());
    putDouble(properties, "load-swing", seasonal.loadSwing());
    putDouble(properties, "load-noise", seasonal.loadNoise());
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

  private static void putLong(Properties properties, String key, long value) {
    properties.setProperty(key, Long.toString(value));
  }

  private static void putDouble(Properties properties, String key, double value) {
    // Double.toString reads back as the same double.
    properties.setProperty(key, Double.toString(value));
  }
}

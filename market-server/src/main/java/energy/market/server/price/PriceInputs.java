package energy.market.server.price;

/**
 * What one day's close feeds the price model.
 *
 * @param boughtWh energy homes bought this day
 * @param soldWh energy homes sold this day
 * @param homes homes that took part in the day
 * @param temperatureCelsius the day's temperature
 * @param eventEffectMicro the summed effect of the day's active events, micro-EUR/kWh
 */
public record PriceInputs(
    long boughtWh, long soldWh, int homes, double temperatureCelsius, long eventEffectMicro) {}

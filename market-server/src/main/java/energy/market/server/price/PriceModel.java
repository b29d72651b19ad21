package energy.market.server.price;

/**
 * The mean-reverting price of the brief:
 *
 * <pre>
 * P(t+1) = Pref + gamma (P(t) - Pref) + alphaNet (bought - sold) / homes
 *          + alphaTemp (heating + cooling degrees) + sum of event effects
 * </pre>
 *
 * <p>The deterministic part is computed in doubles and rounded once to micro-euros; the event
 * effects are added as exact integers afterwards, so an event moves the price by exactly its
 * effect. The result is clamped to the floor and the cap.
 */
public final class PriceModel {
  private final PriceParameters parameters;

  public PriceModel(PriceParameters parameters) {
    this.parameters = parameters;
  }

  /** The model's coefficients. */
  public PriceParameters parameters() {
    return parameters;
  }

  /** The price of the day after a close, from the day's price and inputs. */
  public PriceUpdate next(long priceMicro, PriceInputs day) {
    double reference = parameters.referenceMicro();
    double netKwhPerHome =
        day.homes() == 0 ? 0 : (day.boughtWh() - day.soldWh()) / 1000.0 / day.homes();
    double drift =
        reference
            + parameters.gamma() * (priceMicro - reference)
            + parameters.alphaNetMicroPerKwh() * netKwhPerHome
            + parameters.alphaTempMicroPerDegree()
                * parameters.degreesOutsideComfort(day.temperatureCelsius());
    long unbounded = Math.round(drift) + day.eventEffectMicro();
    long bounded = Math.max(parameters.floorMicro(), Math.min(parameters.capMicro(), unbounded));
    return new PriceUpdate(bounded, bounded != unbounded);
  }
}

package energy.market.server.price;

/**
 * Every coefficient of the price model. Prices are micro-euros per kWh.
 *
 * @param initialMicro the price of day 1
 * @param referenceMicro the level the price reverts to (Pref)
 * @param gamma the share of yesterday's distance from the reference that remains (0..1)
 * @param alphaNetMicroPerKwh the price move per kWh of net demand (bought - sold) per home
 * @param alphaTempMicroPerDegree the price move per heating or cooling degree
 * @param comfortLowCelsius below this temperature homes heat (heating degrees)
 * @param comfortHighCelsius above this temperature homes cool (cooling degrees)
 * @param floorMicro the lowest price
 * @param capMicro the highest price
 */
public record PriceParameters(
    long initialMicro,
    long referenceMicro,
    double gamma,
    double alphaNetMicroPerKwh,
    double alphaTempMicroPerDegree,
    double comfortLowCelsius,
    double comfortHighCelsius,
    long floorMicro,
    long capMicro) {

  /** The defaults: 0.17 EUR/kWh, gamma 0.92, floor 0.02 and cap 1.50 EUR/kWh. */
  public static final PriceParameters DEFAULTS =
      new PriceParameters(170_000, 170_000, 0.92, 150, 250, 15.0, 22.0, 20_000, 1_500_000);

  public PriceParameters {
    if (!(gamma >= 0 && gamma < 1)) {
      throw new IllegalArgumentException("price gamma " + gamma + " is out of range [0, 1)");
    }
    requireFinite("price alpha-net", alphaNetMicroPerKwh);
    requireFinite("price alpha-temp", alphaTempMicroPerDegree);
    requireFinite("comfort-low", comfortLowCelsius);
    requireFinite("comfort-high", comfortHighCelsius);
    if (comfortLowCelsius > comfortHighCelsius) {
      throw new IllegalArgumentException(
          "comfort band is empty: comfort-low "
              + comfortLowCelsius
              + " C is above comfort-high "
              + comfortHighCelsius
              + " C");
    }
    if (floorMicro < 0 || capMicro <= floorMicro) {
      throw new IllegalArgumentException(
          "price bounds need 0 <= floor < cap; got floor "
              + floorMicro
              + " and cap "
              + capMicro
              + " micro-EUR/kWh");
    }
    if (initialMicro < floorMicro || initialMicro > capMicro) {
      throw new IllegalArgumentException(
          "initial price " + initialMicro + " micro-EUR/kWh is outside the floor..cap bounds");
    }
    if (referenceMicro < floorMicro || referenceMicro > capMicro) {
      throw new IllegalArgumentException(
          "reference price " + referenceMicro + " micro-EUR/kWh is outside the floor..cap bounds");
    }
  }

  private static void requireFinite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number, got " + value);
    }
  }

  /** Heating degrees plus cooling degrees of a temperature: its distance from the comfort band. */
  public double degreesOutsideComfort(double celsius) {
    return Math.max(0, comfortLowCelsius - celsius) + Math.max(0, celsius - comfortHighCelsius);
  }
}

package energy.market.weather.model;

/** Conversions between degrees and whole tenths of a degree, the model's resolution. */
final class Tenths {
  // Absorbs binary rounding (0.1 * 10 is not exactly 1) without moving real values.
  private static final double EPSILON = 1e-9;

  private Tenths() {}

  /** The smallest number of tenths not below {@code celsius}. */
  static int ceil(double celsius) {
    return (int) Math.ceil(celsius * 10 - EPSILON);
  }

  /** The largest number of tenths not above {@code celsius}. */
  static int floor(double celsius) {
    return (int) Math.floor(celsius * 10 + EPSILON);
  }

  /** Tenths back to degrees: the double nearest to the decimal value, as a parser would give. */
  static double toCelsius(int tenths) {
    return tenths / 10.0;
  }
}

package energy.market.home;

/**
 * Draws each home's production and consumption from random streams derived from (seed, home name,
 * day) alone, so a home's draws never depend on which process hosts it, how many homes that process
 * has, or the order in which messages arrive. The parameters choose the model: the course project's
 * flat ranges ({@link CourseEnergy}) or the seasonal one ({@link SeasonalEnergy}).
 */
public final class EnergyModel {
  private final HomeParameters parameters;
  private final DailyEnergy model;

  public EnergyModel(long seed, HomeParameters parameters) {
    this.parameters = parameters;
    DrawStreams streams = new DrawStreams(seed);
    this.model =
        switch (parameters.model()) {
          case COURSE -> new CourseEnergy(streams, parameters);
          case SEASONAL -> new SeasonalEnergy(streams, parameters);
        };
  }

  /** The day's draw for a home at the day's temperature. */
  public EnergyDraw draw(String homeName, long day, double temperatureCelsius) {
    return model.draw(homeName, day, temperatureCelsius);
  }

  /** The parameters draws are made with. */
  public HomeParameters parameters() {
    return parameters;
  }
}

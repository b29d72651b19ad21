package energy.market.home;

import java.util.SplittableRandom;

/**
 * The course project's model: production and consumption drawn uniformly from their ranges every
 * day, whatever the season, plus heating and cooling by the degrees outside the comfort band.
 */
final class CourseEnergy implements DailyEnergy {
  private final DrawStreams streams;
  private final HomeParameters parameters;

  CourseEnergy(DrawStreams streams, HomeParameters parameters) {
    this.streams = streams;
    this.parameters = parameters;
  }

  @Override
  public EnergyDraw draw(String homeName, long day, double temperatureCelsius) {
    SplittableRandom random = streams.homeDay(homeName, day);
    long produced = between(random, parameters.productionMinWh(), parameters.productionMaxWh());
    long consumed = between(random, parameters.consumptionMinWh(), parameters.consumptionMaxWh());
    return new EnergyDraw(produced, consumed + parameters.weatherExtraWh(temperatureCelsius));
  }

  private static long between(SplittableRandom random, long min, long max) {
    return min == max ? min : random.nextLong(min, max + 1);
  }
}

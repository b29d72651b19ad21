package energy.market.home;

import java.util.SplittableRandom;

/**
 * The seasonal model. Each home has a solar array and a household size, drawn once from (seed,
 * home). Production is the array's size times the sun hours of the day of the year times the
 * clearness of the day's sky (shared by all homes). Consumption is the household's average, raised
 * in winter and lowered in summer by the load swing, varied by the day's noise, plus heating and
 * cooling by the degrees outside the comfort band, scaled by the household's size.
 */
final class SeasonalEnergy implements DailyEnergy {
  private final DrawStreams streams;
  private final HomeParameters parameters;
  private final SeasonalParameters seasonal;
  private final SkyCover sky;

  SeasonalEnergy(DrawStreams streams, HomeParameters parameters) {
    this.streams = streams;
    this.parameters = parameters;
    this.seasonal = parameters.seasonal();
    this.sky = new SkyCover(streams);
  }

  @Override
  public EnergyDraw draw(String homeName, long day, double temperatureCelsius) {
    SplittableRandom home = streams.home(homeName);
    double pvKw = between(home, seasonal.pvMinKw(), seasonal.pvMaxKw());
    double householdWh = between(home, seasonal.householdMinWh(), seasonal.householdMaxWh());

    double summer = SolarYear.summerShare(day, seasonal.sunniestDay());
    double sunHours =
        seasonal.winterSunHours()
            + (seasonal.summerSunHours() - seasonal.winterSunHours()) * summer;
    double clearness = 1 - seasonal.cloudLoss() * sky.cover(day);
    long produced = Math.round(pvKw * sunHours * clearness * 1000);

    // summer runs 0..1, so the swing runs from +loadSwing at midwinter to -loadSwing at midsummer.
    double profile = 1 + seasonal.loadSwing() * (1 - 2 * summer);
    double noise = 1 + seasonal.loadNoise() * (2 * streams.homeDay(homeName, day).nextDouble() - 1);
    double size = seasonal.meanHouseholdWh() == 0 ? 1 : householdWh / seasonal.meanHouseholdWh();
    double weather = parameters.weatherExtraWh(temperatureCelsius) * size;
    long consumed = Math.round(householdWh * profile * noise + weather);
    return new EnergyDraw(
        Math.min(produced, HomeParameters.MAX_WH), Math.min(consumed, HomeParameters.MAX_WH));
  }

  private static double between(SplittableRandom random, double min, double max) {
    return min + (max - min) * random.nextDouble();
  }
}

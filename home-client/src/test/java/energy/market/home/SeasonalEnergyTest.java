package energy.market.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.weather.model.WeatherModel;
import energy.market.weather.model.WeatherParameters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeasonalEnergyTest {
  private static final long SEED = 11;
  private static final HomeParameters SEASONAL =
      HomeParameters.DEFAULTS.withModel(HomeModel.SEASONAL, SeasonalParameters.DEFAULTS);

  private final WeatherModel weather = new WeatherModel(SEED, WeatherParameters.DEFAULTS);

  @Test
  void summerDaysProduceMoreThanWinterDaysOverAYear() {
    EnergyModel model = new EnergyModel(SEED, SEASONAL);
    double summer = 0;
    double winter = 0;
    int summerDays = 0;
    int winterDays = 0;
    for (int day = 1; day <= 365; day++) {
      long produced = 0;
      for (String home : homes(50)) {
        produced += model.draw(home, day, weather.temperatureFor(day)).producedWh();
      }
      // June to August, and December to February, with day 1 the 1st of January.
      if (day >= 152 && day <= 243) {
        summer += produced;
        summerDays++;
      } else if (day <= 59 || day >= 335) {
        winter += produced;
        winterDays++;
      }
    }
    assertTrue(summer / summerDays > 2 * (winter / winterDays), summer + " vs " + winter);
  }

  @Test
  void aThousandHomesHaveDaysOfNetBuyersAndDaysOfNetSellers() {
    EnergyModel model = new EnergyModel(SEED, SEASONAL);
    List<String> homes = homes(1000);
    int buyingDays = 0;
    int sellingDays = 0;
    for (int day = 1; day <= 365; day++) {
      double celsius = weather.temperatureFor(day);
      long net = 0;
      for (String home : homes) {
        net += model.draw(home, day, celsius).netWh();
      }
      // Gifts only move energy between homes: a deficit of all homes together is bought.
      if (net < 0) {
        buyingDays++;
      } else {
        sellingDays++;
      }
    }
    assertTrue(buyingDays >= 30, buyingDays + " days of net buyers");
    assertTrue(sellingDays >= 30, sellingDays + " days of net sellers");
  }

  @Test
  void drawsAreTheSameWhateverProcessesHostTheHomesAndInWhateverOrder() {
    List<String> homes = homes(40);
    Map<String, EnergyDraw> oneProcess = new HashMap<>();
    EnergyModel alone = new EnergyModel(SEED, SEASONAL);
    for (int day = 1; day <= 30; day++) {
      for (String home : homes) {
        oneProcess.put(home + "@" + day, alone.draw(home, day, weather.temperatureFor(day)));
      }
    }
    Map<String, EnergyDraw> fourProcesses = new HashMap<>();
    for (int process = 0; process < 4; process++) {
      EnergyModel own = new EnergyModel(SEED, SEASONAL);
      // Each process hosts a quarter of the homes and is asked for days backwards.
      for (int day = 30; day >= 1; day--) {
        for (String home : homes.subList(process * 10, process * 10 + 10)) {
          fourProcesses.put(home + "@" + day, own.draw(home, day, weather.temperatureFor(day)));
        }
      }
    }
    assertEquals(oneProcess, fourProcesses);
  }

  @Test
  void homesDifferInSizeAndTheSeedChangesThem() {
    EnergyModel model = new EnergyModel(SEED, SEASONAL);
    List<Long> produced = new ArrayList<>();
    for (String home : homes(5)) {
      produced.add(model.draw(home, 180, 20).producedWh());
    }
    assertEquals(5, produced.stream().distinct().count(), produced.toString());
    assertNotEquals(
        model.draw("home-1", 180, 20), new EnergyModel(SEED + 1, SEASONAL).draw("home-1", 180, 20));
  }

  @Test
  void coldDaysRaiseConsumptionAndLeaveProductionAlone() {
    EnergyModel model = new EnergyModel(SEED, SEASONAL);
    EnergyDraw mild = model.draw("home-3", 20, 18);
    EnergyDraw cold = model.draw("home-3", 20, 0);
    assertEquals(mild.producedWh(), cold.producedWh());
    assertTrue(cold.consumedWh() > mild.consumedWh() + 5_000, mild + " vs " + cold);
  }

  @Test
  void theCourseModelIgnoresTheSeasonalKnobs() {
    HomeParameters otherKnobs =
        HomeParameters.DEFAULTS.withModel(
            HomeModel.COURSE, new SeasonalParameters(1, 2, 0, 1, 10, 0, 1_000, 2_000, 0, 0));
    for (int day = 1; day <= 50; day++) {
      assertEquals(
          new EnergyModel(SEED, HomeParameters.DEFAULTS).draw("h", day, 8),
          new EnergyModel(SEED, otherKnobs).draw("h", day, 8));
    }
  }

  @Test
  void optionsChooseTheModelAndRefuseBadKnobsNamingTheOption() {
    HomeEnergyOptions options = new HomeEnergyOptions();
    picocli.CommandLine line = new picocli.CommandLine(options);
    line.parseArgs("--home-model", "seasonal", "--pv-size", "1-3", "--sun-hours", "2-6");
    HomeParameters parameters = options.parameters(15, 22);
    assertEquals(HomeModel.SEASONAL, parameters.model());
    assertEquals(1, parameters.seasonal().pvMinKw());
    assertEquals(6, parameters.seasonal().summerSunHours());

    assertRefused("--home-model 'sunny' is not a model", "--home-model", "sunny");
    assertRefused("--pv-size '3' is not a range MIN-MAX", "--pv-size", "3");
    assertRefused("--cloud-loss 1.5 is out of range 0..1", "--cloud-loss", "1.5");
    assertRefused("--sunniest-day 400 is out of range 1..365", "--sunniest-day", "400");
    assertRefused("--sun-hours 2.0-30.0 is not allowed", "--sun-hours", "2-30");
  }

  private static void assertRefused(String message, String... args) {
    HomeEnergyOptions options = new HomeEnergyOptions();
    new picocli.CommandLine(options).parseArgs(args);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> options.parameters(15, 22));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  private static List<String> homes(int count) {
    return HomeNames.of(List.of(), count, "home", 1);
  }
}

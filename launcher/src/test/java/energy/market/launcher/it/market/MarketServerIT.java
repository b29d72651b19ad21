package energy.market.launcher.it.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.api.v1.MarketState;
import energy.market.api.v1.PriceTick;
import energy.market.launcher.it.RunningMarket;
import energy.market.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The market as a real process on an ephemeral port, read over a real socket. */
class MarketServerIT {
  @TempDir Path dataDir;

  @Test
  void theMarketProcessServesTicksOverASocketAndStopsCleanlyOnSigterm() throws Exception {
    try (RunningMarket market = RunningMarket.withItsOwnToken(dataDir, "--day-length", "100ms")) {
      assertTrue(Files.isRegularFile(dataDir.resolve("operator-token")), "token file written");
      List<PriceTick> ticks = market.ticks(3, Await.LONG);
      for (int i = 0; i < ticks.size(); i++) {
        PriceTick tick = ticks.get(i);
        assertEquals(i + 1, tick.getDay());
        assertTrue(tick.getPriceMicroEurPerKwh() > 0, tick::toString);
        assertEquals(tick.getPriceMicroEurPerKwh() / 1e6, tick.getPriceEurPerKwh(), 1e-9);
        // Nobody took part: no energy moved, no weather came, and the price moved anyway.
        assertEquals(0, tick.getHomes(), tick::toString);
        assertEquals(0, tick.getBoughtWh() + tick.getSoldWh() + tick.getGivenWh(), tick::toString);
        assertTrue(tick.getWeatherStale(), "no weather daemon: " + tick);
        if (i > 0) {
          PriceTick before = ticks.get(i - 1);
          assertEquals(
              before.getPriceMicroEurPerKwh(),
              tick.getTradedPriceMicroEurPerKwh(),
              "day " + tick.getDay() + " trades at the price the day before set");
          assertEquals(
              tick.getPriceMicroEurPerKwh() - before.getPriceMicroEurPerKwh(),
              tick.getChangeMicroEurPerKwh());
        }
      }
      MarketState state = market.state();
      assertTrue(state.getDay() >= 3, state::toString);
      assertEquals(100, state.getDayLengthMillis());

      // The market's own line for day 3 states the price the feed carried.
      PriceTick third = ticks.get(2);
      String price = String.format(Locale.ROOT, "%.6f", third.getPriceMicroEurPerKwh() / 1e6);
      market.process.awaitLine(
          "^day 3 closed: price " + price.replace(".", "\\.") + " EUR/kWh", Duration.ofSeconds(30));
      int exit = market.process.terminate(Await.LONG);
      assertEquals(143, exit, "stopped by SIGTERM through the shutdown hook");
      assertTrue(
          market.process.transcript().contains("market: stopped"), market.process.transcript());
    }
  }
}

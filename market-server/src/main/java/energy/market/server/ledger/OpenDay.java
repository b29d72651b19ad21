package energy.market.server.ledger;

import energy.market.server.day.Declaration;
import java.util.List;

/**
 * The day in progress once its GIFT closed: what a market restarted mid-day needs to run the rest
 * of the day exactly as it began.
 *
 * @param day the day
 * @param priceMicro the price it trades at, micro-EUR/kWh
 * @param temperatureCelsius its temperature (the homes' declarations depend on it)
 * @param weatherStale true when no weather report came and the previous temperature was kept
 * @param homes every home that declared the day, with the broker's result, by home id
 */
public record OpenDay(
    long day,
    long priceMicro,
    double temperatureCelsius,
    boolean weatherStale,
    List<Declaration> homes) {

  public OpenDay {
    homes = List.copyOf(homes);
  }
}

package energy.market.server.feed;

import energy.market.server.price.ActiveEffect;
import java.time.Instant;
import java.util.List;

/**
 * One day's close.
 *
 * @param day the day that closed
 * @param priceMicro the price set at this close (the next day's price), micro-EUR/kWh
 * @param changeMicro this close's price minus the previous one
 * @param tradedPriceMicro the price the day traded at
 * @param temperatureCelsius the day's temperature
 * @param weatherStale true when no weather report came and the previous temperature was kept
 * @param events the events that moved this close
 * @param boughtWh energy bought this day
 * @param soldWh energy sold this day
 * @param givenWh energy given through the broker this day
 * @param homes homes that took part
 * @param closedAt wall-clock time of the close
 * @param bounded true when the floor or cap set the price
 */
public record Tick(
    long day,
    long priceMicro,
    long changeMicro,
    long tradedPriceMicro,
    double temperatureCelsius,
    boolean weatherStale,
    List<ActiveEffect> events,
    long boughtWh,
    long soldWh,
    long givenWh,
    int homes,
    Instant closedAt,
    boolean bounded) {

  public Tick {
    events = List.copyOf(events);
  }
}

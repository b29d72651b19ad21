package energy.market.launcher.model;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One closed day of the market, as the price feed publishes it.
 *
 * @param day the day that closed, from 1
 * @param priceMicro the price set at the close, micro-EUR/kWh
 * @param changeMicro the change from the previous close, micro-EUR/kWh
 * @param temperatureCelsius the day's temperature
 * @param weatherStale true when no weather report came and the previous temperature was kept
 * @param events the events that moved this close's price
 * @param boughtWh energy homes bought from the market
 * @param soldWh energy homes sold to the market
 * @param givenWh energy homes gave to neighbours
 * @param homes homes that took part
 * @param closedAt wall-clock time of the close (never written to files that must replay)
 */
public record DayRecord(
    long day,
    long priceMicro,
    long changeMicro,
    double temperatureCelsius,
    boolean weatherStale,
    List<EventInfo> events,
    long boughtWh,
    long soldWh,
    long givenWh,
    int homes,
    Instant closedAt) {

  public DayRecord {
    events = List.copyOf(events);
  }

  /**
   * The kinds of the active events, sorted and joined with {@code +} ({@code storm+war}); empty
   * when none. Sorted so that the text does not depend on the order the market listed them.
   */
  public String eventKinds() {
    return events.stream().map(EventInfo::kind).sorted().collect(Collectors.joining("+"));
  }
}

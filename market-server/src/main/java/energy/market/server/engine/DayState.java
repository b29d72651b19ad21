package energy.market.server.engine;

import energy.market.server.day.HomeDay;
import energy.market.server.day.TradeRecord;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The day in progress: its price, weather, the homes taking part and the trades so far. The
 * market's thread changes the weather; trade threads read the homes and add trades.
 */
final class DayState {
  private final long day;
  private final long priceMicro;
  private final Map<Long, HomeDay> homes = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<TradeRecord> trades = new ConcurrentLinkedQueue<>();
  private final TradeGate gate = new TradeGate();
  private volatile double temperatureCelsius;
  private volatile boolean weatherReported;
  private volatile boolean weatherFixed;

  DayState(long day, long priceMicro, double previousTemperature) {
    this.day = day;
    this.priceMicro = priceMicro;
    this.temperatureCelsius = previousTemperature;
  }

  long day() {
    return day;
  }

  long priceMicro() {
    return priceMicro;
  }

  double temperatureCelsius() {
    return temperatureCelsius;
  }

  boolean weatherReported() {
    return weatherReported;
  }

  void reportWeather(double celsius) {
    temperatureCelsius = celsius;
    weatherReported = true;
  }

  /**
   * Keeps the weather the day had before the market restarted (the homes' declarations depend on
   * it); later reports do not change it.
   */
  void keepRecordedWeather(boolean stale) {
    weatherReported = !stale;
    weatherFixed = true;
  }

  /** True when the day's weather was recorded before a restart and cannot change. */
  boolean weatherFixed() {
    return weatherFixed;
  }

  void addHome(HomeDay home) {
    homes.put(home.home().id(), home);
  }

  Optional<HomeDay> home(long homeId) {
    return Optional.ofNullable(homes.get(homeId));
  }

  /**
   * A home that takes part in this day.
   *
   * @throws IllegalStateException when it does not
   */
  HomeDay takingPart(long homeId) {
    // Called for each of thousands of homes a day: a plain lookup, no Optional nor lambda.
    HomeDay home = homes.get(homeId);
    if (home == null) {
      throw new IllegalStateException(
          "home "
              + homeId
              + " takes no part in day "
              + day
              + " (it joined after the day opened, or has no session)");
    }
    return home;
  }

  /** True when any of the session's homes takes part in this day. */
  boolean takesPart(Session session) {
    for (long homeId : session.homes()) {
      if (homes.containsKey(homeId)) {
        return true;
      }
    }
    return false;
  }

  /** True when some of the session's homes take part in this day and all of those declared it. */
  boolean declaredByAll(Session session) {
    boolean any = false;
    for (long homeId : session.homes()) {
      HomeDay home = homes.get(homeId);
      if (home != null) {
        if (!home.declared()) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  Collection<HomeDay> homes() {
    return homes.values();
  }

  void recordTrades(List<TradeRecord> records) {
    trades.addAll(records);
  }

  Collection<TradeRecord> trades() {
    return trades;
  }

  TradeGate gate() {
    return gate;
  }
}

package energy.market.home;

import energy.market.model.Side;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The homes of one process. It turns each phase into one batch for all homes (one message per phase
 * per process, whatever the number of homes) and routes the market's answers back.
 */
public final class Fleet {
  private final EnergyModel energy;
  private final Map<String, Home> byName = new LinkedHashMap<>();
  private final Map<Long, Home> byId = new LinkedHashMap<>();
  private long firstDay = Long.MAX_VALUE;
  // The last close whose balances the books were set from: results of that day and before are in.
  private long reconciledThrough;

  /**
   * @throws IllegalArgumentException for a name given twice, or homes with different secrets (a
   *     process's session speaks for its homes with one credential)
   */
  public Fleet(EnergyModel energy, Collection<Home> homes) {
    this.energy = energy;
    for (Home home : homes) {
      if (byName.put(home.name(), home) != null) {
        throw new IllegalArgumentException("home name '" + home.name() + "' is given twice");
      }
    }
    if (homes.stream().map(Home::secret).distinct().count() > 1) {
      throw new IllegalArgumentException("a process's homes share one secret");
    }
  }

  /** The secret every home of the fleet registered with (null for a fleet of no homes). */
  public String secret() {
    return byName.isEmpty() ? null : byName.values().iterator().next().secret();
  }

  /** Every home, in the order given. */
  public Collection<Home> homes() {
    return byName.values();
  }

  /** Records a home's id at the market. */
  public void registered(Home home, long homeId) {
    home.registered(homeId);
    byId.put(homeId, home);
  }

  /** The market accepted the session; its homes take part from {@code day} on. */
  public void joined(long day) {
    firstDay = day;
  }

  /** True when the homes take part in {@code day}. */
  public boolean takesPart(long day) {
    return day >= firstDay;
  }

  /** GIFT: every home's declaration, offer and claim for the day. */
  public List<GiftPlan> startDay(long day, double celsius) {
    List<GiftPlan> plans = new ArrayList<>(byId.size());
    for (Home home : byId.values()) {
      plans.add(home.startDay(day, celsius, energy.draw(home.name(), day, celsius)));
    }
    return plans;
  }

  /** The broker's results. */
  public void giftsSettled(long homeId, long given, long received) {
    Home home = byId.get(homeId);
    if (home != null) {
      home.giftsSettled(given, received);
    }
  }

  /**
   * TRADE: every home's trade for {@code day}, if it has one. A home that did not declare this day
   * (the session reconnected after GIFT) has nothing to trade in it.
   */
  public List<TradeIntent> tradeIntents(long day) {
    List<TradeIntent> intents = new ArrayList<>();
    for (Home home : byId.values()) {
      if (home.day() != day) {
        continue;
      }
      TradeIntent intent = home.tradeIntent();
      if (intent != null) {
        intents.add(intent);
      }
    }
    return intents;
  }

  /**
   * A trade the market executed on {@code day}. A receipt of a day whose close the books were set
   * from is counted already, and ignored.
   */
  public void traded(long homeId, long day, Side side, long amountWh, long moneyMicro) {
    Home home = byId.get(homeId);
    if (home != null && day > reconciledThrough) {
      home.traded(side, amountWh, moneyMicro);
    }
  }

  /** A home whose own tally differed from the market's account, and by how much. */
  public record Correction(Home home, long differenceMicro) {}

  /**
   * Sets the homes' books from the market's balances after the close of {@code day}, which include
   * every trade of that day and before.
   *
   * @param balanceByHome each home's balance, micro-euros, by id
   * @return the homes whose own tally differed
   */
  public List<Correction> reconcile(long day, Map<Long, Long> balanceByHome) {
    reconciledThrough = Math.max(reconciledThrough, day);
    List<Correction> corrections = new ArrayList<>();
    for (Map.Entry<Long, Long> balance : balanceByHome.entrySet()) {
      Home home = byId.get(balance.getKey());
      if (home != null) {
        long difference = home.reconcile(balance.getValue());
        if (difference != 0) {
          corrections.add(new Correction(home, difference));
        }
      }
    }
    return corrections;
  }

  /** The homes that registered. */
  public int registered() {
    return byId.size();
  }

  /** The fleet's day as one compact line: day, homes, net, given/received, sold/bought, balance. */
  public String dayLine(long day, double celsius) {
    long net = 0;
    long given = 0;
    long received = 0;
    long sold = 0;
    long bought = 0;
    int taking = 0;
    for (Home home : byId.values()) {
      if (home.day() == day) {
        taking++;
        net += home.netWh();
        given += home.givenWh();
        received += home.receivedWh();
        sold += home.soldWh();
        bought += home.boughtWh();
      }
    }
    return "day "
        + day
        + ": "
        + taking
        + " homes, "
        + DayLineNumbers.celsius(celsius)
        + " C, net "
        + DayLineNumbers.signedKwh(net)
        + " kWh, gave "
        + DayLineNumbers.kwh(given)
        + " got "
        + DayLineNumbers.kwh(received)
        + ", sold "
        + DayLineNumbers.kwh(sold)
        + " bought "
        + DayLineNumbers.kwh(bought)
        + ", balance "
        + DayLineNumbers.signedEur(balanceMicro())
        + " EUR";
  }

  /** The sum of the homes' balances, micro-euros. */
  public long balanceMicro() {
    long total = 0;
    for (Home home : byId.values()) {
      total += home.balanceMicro();
    }
    return total;
  }
}

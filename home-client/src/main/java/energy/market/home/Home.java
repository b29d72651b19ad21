package energy.market.home;

import energy.market.model.Policy;
import energy.market.model.Side;
import java.util.Locale;

/**
 * One home: its identity at the market, today's energy and what became of it, and its money. Not a
 * thread: the session calls it once per phase. Not thread-safe (one session thread).
 */
public final class Home {
  private final String name;
  private final Policy policy;
  private final String secret;
  private long id;

  private long day;
  private EnergyDraw draw = new EnergyDraw(0, 0);
  private double temperature;
  private long givenWh;
  private long receivedWh;
  private long soldWh;
  private long boughtWh;
  private long balanceMicro;
  private long balanceBeforeDay;

  /**
   * @param secret what proves at the market that this is the home (see {@link HomeSecrets})
   */
  public Home(String name, Policy policy, String secret) {
    this.name = name;
    this.policy = policy;
    this.secret = secret;
  }

  public String name() {
    return name;
  }

  public Policy policy() {
    return policy;
  }

  /** The market's id for the home; 0 before it registered. */
  public long id() {
    return id;
  }

  /** The home's secret, presented at registration and with every later call. */
  public String secret() {
    return secret;
  }

  /** Records the id the market gave (the same id every time the home comes back). */
  public void registered(long homeId) {
    this.id = homeId;
  }

  /**
   * Starts a day: the home's draw decides its surplus or deficit and so its gift plan. A market
   * that restarted re-runs its interrupted day, and sends that day's receipts again: the balance
   * then goes back to where it stood before the day, so no receipt counts twice.
   */
  public GiftPlan startDay(long today, double celsius, EnergyDraw todaysDraw) {
    if (today == day) {
      balanceMicro = balanceBeforeDay;
    } else {
      balanceBeforeDay = balanceMicro;
    }
    day = today;
    temperature = celsius;
    draw = todaysDraw;
    givenWh = 0;
    receivedWh = 0;
    soldWh = 0;
    boughtWh = 0;
    long net = draw.netWh();
    long offer = net > 0 && policy.gives() ? net : 0;
    long claim = net < 0 ? -net : 0;
    return new GiftPlan(id, draw.producedWh(), draw.consumedWh(), offer, claim);
  }

  /** The broker's result for the home. */
  public void giftsSettled(long given, long received) {
    givenWh = given;
    receivedWh = received;
  }

  /**
   * What the home trades after the gifts: a surplus not given away is sold (unless the policy only
   * gives); a deficit not covered by gifts is bought.
   *
   * @return the trade, or null when there is nothing to trade
   */
  public TradeIntent tradeIntent() {
    long net = draw.netWh();
    if (net > 0 && policy.sells()) {
      long sell = net - givenWh;
      return sell > 0 ? new TradeIntent(id, Side.SELL, sell, requestId(Side.SELL)) : null;
    }
    if (net < 0) {
      long buy = -net - receivedWh;
      return buy > 0 ? new TradeIntent(id, Side.BUY, buy, requestId(Side.BUY)) : null;
    }
    return null;
  }

  private String requestId(Side side) {
    return name + "/" + day + "/" + side.name().toLowerCase(Locale.ROOT);
  }

  /** A trade the market executed. */
  public void traded(Side side, long amountWh, long moneyMicro) {
    if (side == Side.SELL) {
      soldWh += amountWh;
      balanceMicro += moneyMicro;
    } else {
      boughtWh += amountWh;
      balanceMicro -= moneyMicro;
    }
  }

  /**
   * Sets the home's balance to the market's account after a close, which counts every result,
   * including those this process did not hear (a broken stream, a market that died before telling
   * it, an earlier run of the home).
   *
   * @return the market's balance less the home's own tally, micro-euros (0 when they agreed)
   */
  public long reconcile(long marketBalanceMicro) {
    long difference = marketBalanceMicro - balanceMicro;
    balanceMicro = marketBalanceMicro;
    return difference;
  }

  /** The day of the home's last declaration. */
  public long day() {
    return day;
  }

  /** Today's net energy (produced minus consumed), Wh. */
  public long netWh() {
    return draw.netWh();
  }

  /** Energy given to neighbours today, Wh. */
  public long givenWh() {
    return givenWh;
  }

  /** Energy received from neighbours today, Wh. */
  public long receivedWh() {
    return receivedWh;
  }

  /** Energy sold today, Wh. */
  public long soldWh() {
    return soldWh;
  }

  /** Energy bought today, Wh. */
  public long boughtWh() {
    return boughtWh;
  }

  /**
   * The home's money balance, earned minus paid, micro-euros: its account at the market once the
   * session saw a close (see {@link #reconcile}), counted from the receipts since.
   */
  public long balanceMicro() {
    return balanceMicro;
  }

  /** The day as one compact line: day, temperature, net, given/received, sold/bought, balance. */
  public String dayLine() {
    return "day "
        + day
        + " "
        + name
        + ": "
        + DayLineNumbers.celsius(temperature)
        + " C, net "
        + DayLineNumbers.signedKwh(draw.netWh())
        + " kWh, gave "
        + DayLineNumbers.kwh(givenWh)
        + " got "
        + DayLineNumbers.kwh(receivedWh)
        + ", sold "
        + DayLineNumbers.kwh(soldWh)
        + " bought "
        + DayLineNumbers.kwh(boughtWh)
        + ", balance "
        + DayLineNumbers.signedEur(balanceMicro)
        + " EUR";
  }
}

package energy.market.server.day;

import energy.market.model.Energy;
import energy.market.model.Side;
import energy.market.server.homes.Home;
import energy.market.server.input.Quote;
import java.util.HashMap;
import java.util.Map;

/**
 * One home's day: what it declared, offered, claimed, was given, traded, and how it settles.
 *
 * <p>Trades run on several executor threads, so every method is synchronized on the instance; each
 * check-then-change is atomic per home.
 *
 * <p>A day may be restored from the ledger after the market restarted mid-day ({@link #restored}):
 * its declaration and gifts are then fixed, the same declaration sent again is accepted as a
 * repeat, and the trades made before the restart count once, under their request ids.
 */
public final class HomeDay {
  private final Home home;
  private final long day;
  private boolean declared;
  private long producedWh;
  private long consumedWh;
  private long offeredWh;
  private long claimedWh;
  private long givenWh;
  private long receivedWh;
  private long returnedWh;
  private long soldWh;
  private long boughtWh;
  private long paidMicro;
  private long earnedMicro;
  private final Map<String, TradeRecord> tradesByRequest = new HashMap<>();
  // True for a day restored after GIFT closed: the broker already matched its gifts.
  private boolean giftsFixed;

  public HomeDay(Home home, long day) {
    this.home = home;
    this.day = day;
  }

  /**
   * A day as it stood when its GIFT closed, before the market restarted.
   *
   * @throws IllegalArgumentException when the declaration is another home's or does not add up
   */
  public static HomeDay restored(Home home, long day, Declaration declaration) {
    if (declaration.homeId() != home.id()) {
      throw new IllegalArgumentException(
          "declaration of home " + declaration.homeId() + " restored into home " + home.id());
    }
    if (declaration.offeredWh() != declaration.givenWh() + declaration.returnedWh()) {
      throw new IllegalArgumentException(
          "declaration of home " + home.id() + " on day " + day + " does not add up");
    }
    HomeDay restored = new HomeDay(home, day);
    restored.declared = true;
    restored.producedWh = declaration.producedWh();
    restored.consumedWh = declaration.consumedWh();
    restored.offeredWh = declaration.offeredWh();
    restored.claimedWh = declaration.claimedWh();
    restored.givenWh = declaration.givenWh();
    restored.receivedWh = declaration.receivedWh();
    restored.returnedWh = declaration.returnedWh();
    restored.giftsFixed = true;
    return restored;
  }

  /**
   * Counts a trade executed before the market restarted: its request id is known again and its
   * energy and money are in the day's totals.
   *
   * @throws IllegalArgumentException when the trade is another home's or day's
   */
  public synchronized void restoreTrade(TradeRecord trade) {
    if (trade.homeId() != home.id() || trade.day() != day) {
      throw new IllegalArgumentException(
          "trade " + trade.tradeId() + " is not of home " + home.id() + " on day " + day);
    }
    if (trade.side() == Side.SELL) {
      soldWh += trade.amountWh();
      earnedMicro += trade.moneyMicro();
    } else {
      boughtWh += trade.amountWh();
      paidMicro += trade.moneyMicro();
    }
    if (trade.requestId() != null && !trade.requestId().isEmpty()) {
      tradesByRequest.put(trade.requestId(), trade);
    }
  }

  public Home home() {
    return home;
  }

  public long day() {
    return day;
  }

  /**
   * Records the day's production and consumption; once per day.
   *
   * @throws IllegalArgumentException for amounts out of range
   * @throws IllegalStateException when already declared
   */
  public synchronized void declare(long produced, long consumed) {
    Energy.requireAmount("produced energy", produced, true);
    Energy.requireAmount("consumed energy", consumed, true);
    if (giftsFixed) {
      // The home resends its day after the market restarted: the same figures are a repeat.
      if (produced == producedWh && consumed == consumedWh) {
        return;
      }
      throw new IllegalStateException(
          "home "
              + home.name()
              + " declared day "
              + day
              + " as "
              + producedWh
              + " Wh produced, "
              + consumedWh
              + " Wh consumed before the market restarted; that declaration stands");
    }
    if (declared) {
      throw new IllegalStateException(
          "home " + home.name() + " already declared day " + day + "; a day is declared once");
    }
    declared = true;
    producedWh = produced;
    consumedWh = consumed;
  }

  /** Adds to the home's gift offer for the day; returns the total offered. */
  public synchronized long offer(long wh) {
    Energy.requireAmount("gift offer", wh, false);
    if (giftsFixed) {
      return offeredWh; // matched before the restart; the gift results say what became of it
    }
    requireDeclared();
    if (!home.policy().gives()) {
      throw new IllegalStateException(
          "home " + home.name() + " has policy " + home.policy().label() + ", which does not give");
    }
    long room = surplus() - offeredWh;
    if (wh > room) {
      throw new IllegalArgumentException(
          "gift offer " + wh + " Wh exceeds the home's remaining surplus of " + room + " Wh");
    }
    offeredWh += wh;
    return offeredWh;
  }

  /** Adds to the home's gift claim for the day; returns the total claimed. */
  public synchronized long claim(long wh) {
    Energy.requireAmount("gift claim", wh, false);
    if (giftsFixed) {
      return claimedWh;
    }
    requireDeclared();
    long room = deficit() - claimedWh;
    if (wh > room) {
      throw new IllegalArgumentException(
          "gift claim " + wh + " Wh exceeds the home's remaining deficit of " + room + " Wh");
    }
    claimedWh += wh;
    return claimedWh;
  }

  /** Records the broker's result for the home. */
  public synchronized void applyGifts(long given, long received) {
    if (giftsFixed) {
      throw new IllegalStateException(
          "the gifts of home " + home.name() + " on day " + day + " were matched already");
    }
    givenWh = given;
    receivedWh = received;
    returnedWh = offeredWh - given;
  }

  /**
   * Executes a trade for this home if its day allows it. A request id seen before returns the
   * earlier trade, marked repeated, and changes nothing; with another side or amount it is refused.
   *
   * @param ids the source of trade ids
   * @throws IllegalArgumentException when the amount exceeds what the home may trade
   * @throws IllegalStateException when the home has not declared its day, or the request id was
   *     used for another order
   */
  public synchronized Executed trade(
      Side side, long wh, long priceMicro, String requestId, TradeIds ids) {
    Energy.requireAmount("trade amount", wh, false);
    if (requestId != null && !requestId.isEmpty()) {
      TradeRecord earlier = tradesByRequest.get(requestId);
      if (earlier != null) {
        if (earlier.side() != side || earlier.amountWh() != wh) {
          // Answering with the first receipt would tell the home an order ran that never did.
          throw new IllegalStateException(
              "request id "
                  + Quote.prefix(requestId)
                  + " was used on day "
                  + day
                  + " for another order ("
                  + earlier.side()
                  + " "
                  + earlier.amountWh()
                  + " Wh); a different order needs a new request id");
        }
        return new Executed(earlier, true);
      }
    }
    requireDeclared();
    long room = side == Side.SELL ? sellable() : buyable();
    if (wh > room) {
      throw new IllegalArgumentException(
          (side == Side.SELL ? "sell of " : "buy of ")
              + wh
              + " Wh exceeds what home "
              + home.name()
              + " may "
              + (side == Side.SELL ? "sell" : "buy")
              + " today: "
              + room
              + " Wh");
    }
    long money = Energy.cost(wh, priceMicro);
    if (side == Side.SELL) {
      soldWh += wh;
      earnedMicro += money;
    } else {
      boughtWh += wh;
      paidMicro += money;
    }
    TradeRecord record =
        new TradeRecord(ids.next(), home.id(), day, side, wh, priceMicro, money, requestId);
    if (requestId != null && !requestId.isEmpty()) {
      tradesByRequest.put(requestId, record);
    }
    return new Executed(record, false);
  }

  /**
   * A trade's record, and whether it was executed earlier under the same request id (then nothing
   * changed now).
   */
  public record Executed(TradeRecord record, boolean repeated) {}

  private void requireDeclared() {
    if (!declared) {
      throw new IllegalStateException(
          "home " + home.name() + " has not declared day " + day + "; declare it during GIFT");
    }
  }

  private long surplus() {
    return Math.max(0, producedWh - consumedWh);
  }

  private long deficit() {
    return Math.max(0, consumedWh - producedWh);
  }

  /** Energy the home may still sell: its surplus less what it gave and sold, if it sells. */
  public synchronized long sellable() {
    return home.policy().sells() ? surplus() - givenWh - soldWh : 0;
  }

  /** Energy the home may still buy: its deficit less what it received and bought. */
  public synchronized long buyable() {
    return deficit() - receivedWh - boughtWh;
  }

  /** A consistent copy of the day's figures, with waste and shortfall settled. */
  public synchronized HomeDaySummary summary() {
    long wasted = declared ? surplus() - givenWh - soldWh : 0;
    long shortfall = declared ? deficit() - receivedWh - boughtWh : 0;
    return new HomeDaySummary(
        home.id(),
        day,
        declared,
        producedWh,
        consumedWh,
        offeredWh,
        claimedWh,
        givenWh,
        receivedWh,
        returnedWh,
        soldWh,
        boughtWh,
        wasted,
        shortfall,
        paidMicro,
        earnedMicro);
  }

  /** The offer and claim, for the broker. */
  public synchronized long offered() {
    return offeredWh;
  }

  /** The claim, for the broker. */
  public synchronized long claimed() {
    return claimedWh;
  }

  /** True once the home declared the day. */
  public synchronized boolean declared() {
    return declared;
  }

  /** True when the broker matched this day's gifts before the market restarted. */
  public synchronized boolean giftsFixed() {
    return giftsFixed;
  }

  /** The declaration and the broker's result, for the ledger when GIFT closes. */
  public synchronized Declaration declaration() {
    return new Declaration(
        home.id(), producedWh, consumedWh, offeredWh, claimedWh, givenWh, receivedWh, returnedWh);
  }
}

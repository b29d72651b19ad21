package energy.market.server.grpc;

import com.google.protobuf.Timestamp;
import energy.market.api.v1.Account;
import energy.market.api.v1.ActiveEvent;
import energy.market.api.v1.HomeBalance;
import energy.market.api.v1.HomeBalances;
import energy.market.api.v1.HomeGiftResult;
import energy.market.api.v1.MarketEvent;
import energy.market.api.v1.MarketState;
import energy.market.api.v1.PhaseStarted;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.RegisterResponse;
import energy.market.api.v1.ReportEventResponse;
import energy.market.api.v1.TradeOrder;
import energy.market.api.v1.TradeReceipt;
import energy.market.client.ContractEnums;
import energy.market.server.day.GiftOutcome;
import energy.market.server.day.TradeRecord;
import energy.market.server.engine.AccountView;
import energy.market.server.engine.MarketSnapshot;
import energy.market.server.engine.PhaseInfo;
import energy.market.server.engine.RegisteredHome;
import energy.market.server.engine.TradeRejection;
import energy.market.server.feed.Tick;
import energy.market.server.price.ActiveEffect;
import energy.market.server.price.EventBook;
import energy.market.server.price.MarketEventRecord;
import java.time.Instant;
import java.util.List;

/** Translates between the contract's messages and the market's domain types. */
public final class ProtoMapper {
  private ProtoMapper() {}

  /** The answer to a registration. */
  public static RegisterResponse registered(RegisteredHome registered) {
    return RegisterResponse.newBuilder()
        .setHomeId(registered.home().id())
        .setFirstDay(registered.firstDay())
        .setResumed(registered.resumed())
        .build();
  }

  /** The answer to an event report. */
  public static ReportEventResponse eventAccepted(EventBook.Accepted accepted) {
    return ReportEventResponse.newBuilder()
        .setEvent(event(accepted.event()))
        .setDuplicate(accepted.duplicate())
        .build();
  }

  /** A tick on the price feed. */
  public static PriceTick tick(Tick tick) {
    PriceTick.Builder proto =
        PriceTick.newBuilder()
            .setDay(tick.day())
            .setPriceMicroEurPerKwh(tick.priceMicro())
            .setChangeMicroEurPerKwh(tick.changeMicro())
            .setTradedPriceMicroEurPerKwh(tick.tradedPriceMicro())
            .setTemperatureCelsius(tick.temperatureCelsius())
            .setWeatherStale(tick.weatherStale())
            .setBoughtWh(tick.boughtWh())
            .setSoldWh(tick.soldWh())
            .setGivenWh(tick.givenWh())
            .setHomes(tick.homes())
            .setClosedAt(timestamp(tick.closedAt()))
            .setPriceEurPerKwh(tick.priceMicro() / 1_000_000.0)
            .setPriceBounded(tick.bounded());
    for (ActiveEffect effect : tick.events()) {
      proto.addActiveEvents(activeEvent(effect));
    }
    return proto.build();
  }

  /** An event's part in a close. */
  public static ActiveEvent activeEvent(ActiveEffect effect) {
    return ActiveEvent.newBuilder()
        .setEventId(effect.event().eventId())
        .setKind(ContractEnums.eventKind(effect.event().kind()))
        .setStartDay(effect.event().startDay())
        .setRemainingDays(effect.remainingDays())
        .setEffectMicroEurPerKwh(effect.effectMicro())
        .build();
  }

  /** An accepted event. */
  public static MarketEvent event(MarketEventRecord event) {
    return MarketEvent.newBuilder()
        .setEventId(event.eventId())
        .setKind(ContractEnums.eventKind(event.kind()))
        .setStartDay(event.startDay())
        .setDurationDays(event.spec().durationDays())
        .setEffectMicroEurPerKwh(event.spec().effectMicro())
        .setSource(event.source())
        .setReceivedAt(timestamp(event.receivedAt()))
        .build();
  }

  /** A receipt. */
  public static TradeReceipt receipt(TradeRecord trade) {
    return TradeReceipt.newBuilder()
        .setTradeId(trade.tradeId())
        .setHomeId(trade.homeId())
        .setDay(trade.day())
        .setSide(ContractEnums.side(trade.side()))
        .setAmountWh(trade.amountWh())
        .setPriceMicroEurPerKwh(trade.priceMicro())
        .setMoneyMicroEur(trade.moneyMicro())
        .setRequestId(trade.requestId() == null ? "" : trade.requestId())
        .build();
  }

  /** A refused order. */
  public static energy.market.api.v1.TradeRejection rejection(TradeRejection rejection) {
    return energy.market.api.v1.TradeRejection.newBuilder()
        .setHomeId(rejection.homeId())
        .setRequestId(rejection.requestId() == null ? "" : rejection.requestId())
        .setReason(rejection.reason())
        .build();
  }

  /**
   * A batch's order, read into the domain's.
   *
   * @throws IllegalArgumentException for a missing or unknown side or a request id too long
   */
  public static energy.market.server.engine.TradeOrder order(TradeOrder order) {
    return new energy.market.server.engine.TradeOrder(
        order.getHomeId(),
        ContractEnums.side(order.getSide()),
        order.getAmountWh(),
        order.getRequestId());
  }

  /**
   * The refusal of an order that could not be read; its request id is echoed at most {@link
   * energy.market.server.engine.TradeOrder#MAX_REQUEST_ID} characters long.
   */
  public static TradeRejection refused(TradeOrder order, String reason) {
    String requestId = order.getRequestId();
    int max = energy.market.server.engine.TradeOrder.MAX_REQUEST_ID;
    return new TradeRejection(
        order.getHomeId(),
        requestId.length() > max ? requestId.substring(0, max) : requestId,
        reason);
  }

  /** The balances of a session's homes after a close. */
  public static HomeBalances balances(long day, List<energy.market.server.day.Account> accounts) {
    HomeBalances.Builder balances = HomeBalances.newBuilder().setDay(day);
    for (energy.market.server.day.Account account : accounts) {
      balances.addBalances(
          HomeBalance.newBuilder()
              .setHomeId(account.homeId())
              .setBalanceMicroEur(account.balanceMicro()));
    }
    return balances.build();
  }

  /** A gift outcome. */
  public static HomeGiftResult giftResult(GiftOutcome outcome) {
    return HomeGiftResult.newBuilder()
        .setHomeId(outcome.homeId())
        .setGivenWh(outcome.givenWh())
        .setReceivedWh(outcome.receivedWh())
        .setReturnedWh(outcome.returnedWh())
        .build();
  }

  /** The start of a phase. */
  public static PhaseStarted phaseStarted(PhaseInfo info) {
    return PhaseStarted.newBuilder()
        .setDay(info.day())
        .setPhase(ContractEnums.phase(info.phase()))
        .setTemperatureCelsius(info.temperatureCelsius())
        .setWeatherStale(info.weatherStale())
        .setPriceMicroEurPerKwh(info.priceMicro())
        .setDeadline(timestamp(info.deadline()))
        .build();
  }

  /** A home's account. */
  public static Account account(AccountView view) {
    energy.market.server.day.Account totals = view.account();
    return Account.newBuilder()
        .setHomeId(view.home().id())
        .setName(view.home().name())
        .setPolicy(ContractEnums.policy(view.home().policy()))
        .setBalanceMicroEur(totals.balanceMicro())
        .setProducedWh(totals.producedWh())
        .setConsumedWh(totals.consumedWh())
        .setGivenWh(totals.givenWh())
        .setReceivedWh(totals.receivedWh())
        .setSoldWh(totals.soldWh())
        .setBoughtWh(totals.boughtWh())
        .setWastedWh(totals.wastedWh())
        .setShortfallWh(totals.shortfallWh())
        .setPaidMicroEur(totals.paidMicro())
        .setEarnedMicroEur(totals.earnedMicro())
        .setDays(totals.days())
        .setConnected(view.connected())
        .build();
  }

  /** The market's state. */
  public static MarketState state(MarketSnapshot snapshot) {
    MarketState.Builder proto =
        MarketState.newBuilder()
            .setDay(snapshot.day())
            .setPhase(ContractEnums.phase(snapshot.phase()))
            .setPriceMicroEurPerKwh(snapshot.priceMicro())
            .setTemperatureCelsius(snapshot.temperatureCelsius())
            .setHomesRegistered(snapshot.homesRegistered())
            .setHomesConnected(snapshot.homesConnected())
            .setTradesInFlight(snapshot.tradesInFlight())
            .setMaxConcurrentTrades(snapshot.maxConcurrentTrades())
            .setDayLengthMillis(snapshot.dayLength().toMillis());
    snapshot.activeEvents().forEach(effect -> proto.addActiveEvents(activeEvent(effect)));
    if (snapshot.lastTick() != null) {
      proto.setLastTick(tick(snapshot.lastTick()));
    }
    return proto.build();
  }

  /** A protobuf timestamp. */
  public static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }
}

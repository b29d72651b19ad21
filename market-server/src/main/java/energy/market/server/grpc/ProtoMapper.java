package energy.market.server.grpc;

import com.google.protobuf.Timestamp;
import energy.market.api.v1.Account;
import energy.market.api.v1.ActiveEvent;
import energy.market.api.v1.EventKind;
import energy.market.api.v1.HomeGiftResult;
import energy.market.api.v1.MarketEvent;
import energy.market.api.v1.MarketState;
import energy.market.api.v1.Phase;
import energy.market.api.v1.PhaseStarted;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.TradePolicy;
import energy.market.api.v1.TradeReceipt;
import energy.market.api.v1.TradeSide;
import energy.market.server.day.GiftOutcome;
import energy.market.server.day.TradeRecord;
import energy.market.server.engine.AccountView;
import energy.market.server.engine.MarketSnapshot;
import energy.market.server.engine.PhaseInfo;
import energy.market.server.engine.TradeRejection;
import energy.market.server.feed.Tick;
import energy.market.server.model.Policy;
import energy.market.server.model.Side;
import energy.market.server.price.ActiveEffect;
import energy.market.server.price.MarketEventRecord;
import java.time.Instant;

/** Translates between the contract's messages and the market's domain types. */
public final class ProtoMapper {
  private ProtoMapper() {}

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
        .setKind(eventKind(effect.event().kind()))
        .setStartDay(effect.event().startDay())
        .setRemainingDays(effect.remainingDays())
        .setEffectMicroEurPerKwh(effect.effectMicro())
        .build();
  }

  /** An accepted event. */
  public static MarketEvent event(MarketEventRecord event) {
    return MarketEvent.newBuilder()
        .setEventId(event.eventId())
        .setKind(eventKind(event.kind()))
        .setStartDay(event.startDay())
        .setDurationDays(event.spec().durationDays())
        .setEffectMicroEurPerKwh(event.spec().effectMicro())
        .setSource(event.source())
        .setReceivedAt(timestamp(event.receivedAt()))
        .build();
  }

  /** The contract's event kind for a domain kind. */
  public static EventKind eventKind(energy.market.server.model.EventKind kind) {
    return EventKind.valueOf("EVENT_KIND_" + kind.name());
  }

  /**
   * The domain kind for the contract's.
   *
   * @throws IllegalArgumentException for an unset or unknown kind
   */
  public static energy.market.server.model.EventKind eventKind(EventKind kind) {
    if (kind == EventKind.EVENT_KIND_UNSPECIFIED || kind == EventKind.UNRECOGNIZED) {
      throw new IllegalArgumentException(
          "event kind is missing or unknown; allowed: "
              + "EVENT_KIND_FUEL_SHORTAGE, EVENT_KIND_WAR, EVENT_KIND_NEW_ENERGY_LAW, "
              + "EVENT_KIND_STORM, EVENT_KIND_COLD_SNAP");
    }
    return energy.market.server.model.EventKind.valueOf(
        kind.name().substring("EVENT_KIND_".length()));
  }

  /**
   * The domain policy for the contract's.
   *
   * @return null when unset (allowed when resuming an identity)
   * @throws IllegalArgumentException for an unknown value
   */
  public static Policy policy(TradePolicy policy) {
    return switch (policy) {
      case TRADE_POLICY_UNSPECIFIED -> null;
      case TRADE_POLICY_ALWAYS_SELL -> Policy.ALWAYS_SELL;
      case TRADE_POLICY_ALWAYS_GIVE -> Policy.ALWAYS_GIVE;
      case TRADE_POLICY_SELL_IF_NO_TAKERS -> Policy.SELL_IF_NO_TAKERS;
      case UNRECOGNIZED ->
          throw new IllegalArgumentException(
              "unknown trade policy; allowed: " + Policy.allowedLabels());
    };
  }

  /** The contract's policy for a domain policy. */
  public static TradePolicy policy(Policy policy) {
    return TradePolicy.valueOf("TRADE_POLICY_" + policy.name());
  }

  /**
   * The domain side for the contract's.
   *
   * @throws IllegalArgumentException for an unset or unknown side
   */
  public static Side side(TradeSide side) {
    return switch (side) {
      case TRADE_SIDE_BUY -> Side.BUY;
      case TRADE_SIDE_SELL -> Side.SELL;
      default ->
          throw new IllegalArgumentException(
              "trade side is missing or unknown; allowed: TRADE_SIDE_BUY, TRADE_SIDE_SELL");
    };
  }

  /** The contract's side. */
  public static TradeSide side(Side side) {
    return side == Side.BUY ? TradeSide.TRADE_SIDE_BUY : TradeSide.TRADE_SIDE_SELL;
  }

  /** The contract's phase. */
  public static Phase phase(energy.market.server.model.Phase phase) {
    return phase == null ? Phase.PHASE_UNSPECIFIED : Phase.valueOf("PHASE_" + phase.name());
  }

  /**
   * The domain phase.
   *
   * @throws IllegalArgumentException for an unset or unknown phase
   */
  public static energy.market.server.model.Phase phase(Phase phase) {
    if (phase == Phase.PHASE_UNSPECIFIED || phase == Phase.UNRECOGNIZED) {
      throw new IllegalArgumentException(
          "phase is missing or unknown; allowed: PHASE_OPEN, PHASE_GIFT, PHASE_TRADE, PHASE_CLOSE");
    }
    return energy.market.server.model.Phase.valueOf(phase.name().substring("PHASE_".length()));
  }

  /** A receipt. */
  public static TradeReceipt receipt(TradeRecord trade) {
    return TradeReceipt.newBuilder()
        .setTradeId(trade.tradeId())
        .setHomeId(trade.homeId())
        .setDay(trade.day())
        .setSide(side(trade.side()))
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
        .setPhase(phase(info.phase()))
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
        .setPolicy(policy(view.home().policy()))
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
            .setPhase(phase(snapshot.phase()))
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

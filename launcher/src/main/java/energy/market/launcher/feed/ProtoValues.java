package energy.market.launcher.feed;

import energy.market.api.v1.Account;
import energy.market.api.v1.ActiveEvent;
import energy.market.api.v1.EventKind;
import energy.market.api.v1.MarketState;
import energy.market.api.v1.Phase;
import energy.market.api.v1.PriceTick;
import energy.market.api.v1.TradePolicy;
import energy.market.launcher.model.DayRecord;
import energy.market.launcher.model.EventInfo;
import energy.market.launcher.model.HomeAccount;
import energy.market.launcher.model.MarketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns the contract's messages into the launcher's plain values. */
public final class ProtoValues {
  private ProtoValues() {}

  /** A closed day. */
  public static DayRecord day(PriceTick tick) {
    List<EventInfo> events = new ArrayList<>(tick.getActiveEventsCount());
    for (ActiveEvent event : tick.getActiveEventsList()) {
      events.add(event(event));
    }
    Instant closedAt =
        tick.hasClosedAt()
            ? Instant.ofEpochSecond(tick.getClosedAt().getSeconds(), tick.getClosedAt().getNanos())
            : null;
    return new DayRecord(
        tick.getDay(),
        tick.getPriceMicroEurPerKwh(),
        tick.getChangeMicroEurPerKwh(),
        tick.getTemperatureCelsius(),
        tick.getWeatherStale(),
        events,
        tick.getBoughtWh(),
        tick.getSoldWh(),
        tick.getGivenWh(),
        tick.getHomes(),
        closedAt);
  }

  /** An active event. */
  public static EventInfo event(ActiveEvent event) {
    return new EventInfo(
        event.getEventId(),
        kind(event.getKind()),
        event.getStartDay(),
        event.getRemainingDays(),
        event.getEffectMicroEurPerKwh());
  }

  /** A home's account. */
  public static HomeAccount account(Account account) {
    return new HomeAccount(
        account.getName(),
        policy(account.getPolicy()),
        account.getProducedWh(),
        account.getConsumedWh(),
        account.getGivenWh(),
        account.getReceivedWh(),
        account.getSoldWh(),
        account.getBoughtWh(),
        account.getWastedWh(),
        account.getShortfallWh(),
        account.getPaidMicroEur(),
        account.getEarnedMicroEur(),
        account.getBalanceMicroEur());
  }

  /** The market's state. */
  public static MarketStatus status(MarketState state) {
    return new MarketStatus(
        state.getDay(),
        phase(state.getPhase()),
        state.getHomesRegistered(),
        state.getHomesConnected(),
        state.getDayLengthMillis());
  }

  /** {@code EVENT_KIND_FUEL_SHORTAGE -> fuel-shortage}. */
  static String kind(EventKind kind) {
    return label(kind.name(), "EVENT_KIND_");
  }

  /** {@code TRADE_POLICY_ALWAYS_SELL -> always-sell}. */
  static String policy(TradePolicy policy) {
    return label(policy.name(), "TRADE_POLICY_");
  }

  static String phase(Phase phase) {
    return label(phase.name(), "PHASE_");
  }

  private static String label(String name, String prefix) {
    String bare = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    return bare.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}

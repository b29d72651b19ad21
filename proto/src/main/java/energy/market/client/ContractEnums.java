package energy.market.client;

import energy.market.api.v1.EventKind;
import energy.market.api.v1.Phase;
import energy.market.api.v1.TradePolicy;
import energy.market.api.v1.TradeSide;
import energy.market.model.Policy;
import energy.market.model.Side;

/**
 * Translates the contract's enums to the domain's and back, for every participant: the market's
 * adapters, the homes and the daemons read one mapping, so a value means the same on both sides.
 */
public final class ContractEnums {
  private ContractEnums() {}

  /** The contract's event kind for a domain kind. */
  public static EventKind eventKind(energy.market.model.EventKind kind) {
    return EventKind.valueOf("EVENT_KIND_" + kind.name());
  }

  /**
   * The domain kind for the contract's.
   *
   * @throws IllegalArgumentException for an unset or unknown kind
   */
  public static energy.market.model.EventKind eventKind(EventKind kind) {
    if (kind == EventKind.EVENT_KIND_UNSPECIFIED || kind == EventKind.UNRECOGNIZED) {
      throw new IllegalArgumentException(
          "event kind is missing or unknown; allowed: "
              + "EVENT_KIND_FUEL_SHORTAGE, EVENT_KIND_WAR, EVENT_KIND_NEW_ENERGY_LAW, "
              + "EVENT_KIND_STORM, EVENT_KIND_COLD_SNAP");
    }
    return energy.market.model.EventKind.valueOf(kind.name().substring("EVENT_KIND_".length()));
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
  public static Phase phase(energy.market.model.Phase phase) {
    return phase == null ? Phase.PHASE_UNSPECIFIED : Phase.valueOf("PHASE_" + phase.name());
  }

  /**
   * The domain phase.
   *
   * @throws IllegalArgumentException for an unset or unknown phase
   */
  public static energy.market.model.Phase phase(Phase phase) {
    if (phase == Phase.PHASE_UNSPECIFIED || phase == Phase.UNRECOGNIZED) {
      throw new IllegalArgumentException(
          "phase is missing or unknown; allowed: PHASE_OPEN, PHASE_GIFT, PHASE_TRADE, PHASE_CLOSE");
    }
    return energy.market.model.Phase.valueOf(phase.name().substring("PHASE_".length()));
  }
}

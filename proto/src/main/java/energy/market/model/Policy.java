package energy.market.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a home does with its surplus energy. */
public enum Policy {
  /** Sell all surplus to the market. */
  ALWAYS_SELL("always-sell"),
  /** Offer all surplus as gifts; the unclaimed part is wasted. */
  ALWAYS_GIVE("always-give"),
  /** Offer surplus as gifts; sell the unclaimed part. */
  SELL_IF_NO_TAKERS("sell-if-no-takers");

  private final String label;

  Policy(String label) {
    this.label = label;
  }

  /** The name used on command lines and in files, for example {@code sell-if-no-takers}. */
  public String label() {
    return label;
  }

  /** True when the policy offers surplus to neighbours before anything else. */
  public boolean gives() {
    return this != ALWAYS_SELL;
  }

  /** True when the policy sells (all surplus, or what nobody claimed). */
  public boolean sells() {
    return this != ALWAYS_GIVE;
  }

  /**
   * Parses a label such as {@code always-give}.
   *
   * @throws IllegalArgumentException naming the allowed labels
   */
  public static Policy parse(String text) {
    for (Policy policy : values()) {
      if (policy.label.equalsIgnoreCase(text == null ? "" : text.trim())) {
        return policy;
      }
    }
    throw new IllegalArgumentException(
        "unknown trade policy '" + text + "'; allowed: " + allowedLabels());
  }

  /** The allowed labels, comma separated. */
  public static String allowedLabels() {
    return Arrays.stream(values()).map(Policy::label).collect(Collectors.joining(", "));
  }
}

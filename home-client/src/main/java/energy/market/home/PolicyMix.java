package energy.market.home;

import com.google.common.hash.Hashing;
import energy.market.model.Policy;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which trade policy each home gets: one policy for all, or a mix given by shares (for example
 * {@code always-sell=2,sell-if-no-takers=1}). In a mix a home's policy follows from a hash of the
 * seed and its name, so it does not depend on which process hosts the home.
 */
public final class PolicyMix {
  private final Map<Policy, Double> shares;
  private final double total;
  private final long seed;

  private PolicyMix(Map<Policy, Double> shares, long seed) {
    this.shares = shares;
    this.total = shares.values().stream().mapToDouble(Double::doubleValue).sum();
    this.seed = seed;
  }

  /**
   * Parses a single policy ({@code always-give}) or shares ({@code always-sell=2,always-give=1}).
   *
   * @throws IllegalArgumentException naming the allowed policies and the expected form
   */
  public static PolicyMix parse(String text, long seed) {
    Map<Policy, Double> shares = new EnumMap<>(Policy.class);
    String value = text == null ? "" : text.trim();
    if (!value.contains("=")) {
      shares.put(Policy.parse(value), 1.0);
      return new PolicyMix(shares, seed);
    }
    for (String part : value.split(",")) {
      String[] pair = part.split("=", 2);
      if (pair.length != 2) {
        throw new IllegalArgumentException(
            "policy share '" + part + "' is not POLICY=SHARE, for example always-sell=2");
      }
      double share;
      try {
        share = Double.parseDouble(pair[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("policy share '" + pair[1] + "' is not a number");
      }
      if (!Double.isFinite(share) || share < 0) {
        throw new IllegalArgumentException("policy share " + pair[1] + " must be a number >= 0");
      }
      shares.merge(Policy.parse(pair[0]), share, Double::sum);
    }
    if (shares.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
      throw new IllegalArgumentException("policy shares add up to zero; give at least one > 0");
    }
    return new PolicyMix(shares, seed);
  }

  /** The policy of the home with this name. */
  public Policy policyFor(String homeName) {
    if (shares.size() == 1) {
      return shares.keySet().iterator().next();
    }
    long bits =
        Hashing.murmur3_128()
            .newHasher()
            .putLong(seed)
            .putString(homeName, StandardCharsets.UTF_8)
            .hash()
            .asLong();
    double point = (bits >>> 11) * 0x1.0p-53 * total;
    double cumulative = 0;
    Policy last = null;
    for (Map.Entry<Policy, Double> share : shares.entrySet()) {
      cumulative += share.getValue();
      last = share.getKey();
      if (point < cumulative && share.getValue() > 0) {
        return share.getKey();
      }
    }
    return last;
  }
}

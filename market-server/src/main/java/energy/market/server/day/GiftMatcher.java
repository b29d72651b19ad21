package energy.market.server.day;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gift broker's matching: claims are filled from offers, with partial fills, in an order that
 * depends only on the seed, the day and the homes' names.
 *
 * <p>Offers and claims are each sorted by a hash of (seed, day, name), so the homes served first
 * change from day to day but never depend on which process hosts a home or when its message
 * arrived. Claims then take from offers front to back.
 */
public final class GiftMatcher {
  private final long seed;

  public GiftMatcher(long seed) {
    this.seed = seed;
  }

  /** Matches one day's queue; returns an outcome for every home that offered or claimed. */
  public Map<Long, GiftOutcome> match(long day, List<GiftOrder> offers, List<GiftOrder> claims) {
    List<GiftOrder> offerQueue = ordered(day, offers);
    List<GiftOrder> claimQueue = ordered(day, claims);
    Map<Long, long[]> tally = new LinkedHashMap<>(); // home -> {given, received}
    int offerIndex = 0;
    long offerLeft = offerQueue.isEmpty() ? 0 : offerQueue.get(0).amountWh();
    for (GiftOrder claim : claimQueue) {
      long wanted = claim.amountWh();
      while (wanted > 0 && offerIndex < offerQueue.size()) {
        long taken = Math.min(wanted, offerLeft);
        if (taken > 0) {
          tally.computeIfAbsent(offerQueue.get(offerIndex).homeId(), id -> new long[2])[0] += taken;
          tally.computeIfAbsent(claim.homeId(), id -> new long[2])[1] += taken;
          wanted -= taken;
          offerLeft -= taken;
        }
        if (offerLeft == 0) {
          offerIndex++;
          offerLeft = offerIndex < offerQueue.size() ? offerQueue.get(offerIndex).amountWh() : 0;
        }
      }
    }
    Map<Long, GiftOutcome> outcomes = new LinkedHashMap<>();
    for (GiftOrder offer : offerQueue) {
      long given = tally.getOrDefault(offer.homeId(), new long[2])[0];
      outcomes.put(
          offer.homeId(), new GiftOutcome(offer.homeId(), given, 0, offer.amountWh() - given));
    }
    for (GiftOrder claim : claimQueue) {
      long received = tally.getOrDefault(claim.homeId(), new long[2])[1];
      outcomes.merge(
          claim.homeId(),
          new GiftOutcome(claim.homeId(), 0, received, 0),
          (a, b) ->
              new GiftOutcome(
                  a.homeId(), a.givenWh(), a.receivedWh() + b.receivedWh(), a.returnedWh()));
    }
    return outcomes;
  }

  private List<GiftOrder> ordered(long day, List<GiftOrder> orders) {
    HashFunction hash = Hashing.murmur3_128((int) (seed ^ (seed >>> 32)));
    // Each order's key is hashed once, not at every comparison: thousands of homes a day.
    record Keyed(long key, GiftOrder order) {}
    List<Keyed> keyed = new ArrayList<>(orders.size());
    for (GiftOrder order : orders) {
      if (order.amountWh() > 0) {
        long key =
            hash.newHasher()
                .putLong(seed)
                .putLong(day)
                .putString(order.homeName(), StandardCharsets.UTF_8)
                .hash()
                .asLong();
        keyed.add(new Keyed(key, order));
      }
    }
    keyed.sort(
        Comparator.comparingLong(Keyed::key).thenComparing(entry -> entry.order().homeName()));
    List<GiftOrder> sorted = new ArrayList<>(keyed.size());
    for (Keyed entry : keyed) {
      sorted.add(entry.order());
    }
    return sorted;
  }
}

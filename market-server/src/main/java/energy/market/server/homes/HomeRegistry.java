package energy.market.server.homes;

import energy.market.model.Policy;
import energy.market.server.input.Quote;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every home that ever registered. Registration is serialized by the caller (the market's own
 * thread); lookups and authentication are safe from any thread.
 */
public final class HomeRegistry {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final Map<Long, Home> byId = new ConcurrentHashMap<>();
  private final Map<String, Home> byName = new ConcurrentHashMap<>();
  // How many homes registered with each secret (by its hash): a credential is good while one has.
  private final Map<String, Integer> homesBySecret = new ConcurrentHashMap<>();
  private long lastId;

  /** The result of a registration: the home, and whether it was registered before. */
  public record Registration(Home home, boolean resumed) {}

  /**
   * Registers a new home, or gives back the home registered before under this name and secret: the
   * same name with the same secret always gets the same home, so a repeated registration never
   * fails.
   *
   * @throws IllegalArgumentException for a bad name, a bad secret or a missing policy
   * @throws AlreadyExistsException when the name is taken by a home with another secret
   * @throws IllegalStateException when the home comes back with another policy than its own
   */
  public Registration register(String name, Policy policy, String secret) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "home name "
              + Quote.prefix(name)
              + " is not allowed; use 1 to 64 letters, digits, '.', '-' or '_'");
    }
    Secrets.requireAllowed(secret);
    if (policy == null) {
      throw new IllegalArgumentException(
          "trade policy is missing; allowed: " + Policy.allowedLabels());
    }
    Home known = byName.get(name);
    if (known != null) {
      if (!Secrets.matches(known.secretHash(), secret)) {
        throw new AlreadyExistsException(
            "home name '"
                + name
                + "' is taken by a home with another secret; run the home with the secret (the"
                + " state directory) that registered it, or choose another name");
      }
      if (known.policy() != policy) {
        // Keeping the old policy silently would make the home act otherwise than it was told.
        throw new IllegalStateException(
            "home '"
                + name
                + "' is registered with policy "
                + known.policy().label()
                + ", not "
                + policy.label()
                + "; come back with "
                + known.policy().label()
                + ", or choose another name for a home with policy "
                + policy.label());
      }
      return new Registration(known, true);
    }
    Home home = new Home(++lastId, name, policy, Secrets.hash(secret));
    add(home);
    return new Registration(home, false);
  }

  /** Re-adds a home registered before (when the market resumes from its ledger). */
  public void restore(Home home) {
    add(home);
    lastId = Math.max(lastId, home.id());
  }

  /** Forgets a registration that could not be recorded (its id is not given out again). */
  public void forget(Home home) {
    if (byId.remove(home.id(), home)) {
      byName.remove(home.name(), home);
      homesBySecret.computeIfPresent(
          home.secretHash(), (hash, count) -> count == 1 ? null : count - 1);
    }
  }

  private void add(Home home) {
    byId.put(home.id(), home);
    byName.put(home.name(), home);
    homesBySecret.merge(home.secretHash(), 1, Integer::sum);
  }

  /**
   * True when a home registered before under this name with this secret: registering it again is
   * its return (after a lost reply or connection, or a restart of either side), not a new home.
   */
  public boolean returning(String name, String secret) {
    Home known = name == null ? null : byName.get(name);
    return known != null && Secrets.matches(known.secretHash(), secret);
  }

  /** True when a home registered with the secret whose hash is {@code secretHash}. */
  public boolean hasSecret(String secretHash) {
    return homesBySecret.containsKey(secretHash);
  }

  /** The home with this id. */
  public Optional<Home> byId(long homeId) {
    return Optional.ofNullable(byId.get(homeId));
  }

  /** The home with this name. */
  public Optional<Home> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** How many homes registered. */
  public int size() {
    return byId.size();
  }

  /** Every home, by id. */
  public List<Home> all() {
    Collection<Home> homes = byId.values();
    List<Home> sorted = new ArrayList<>(homes);
    sorted.sort(Comparator.comparingLong(Home::id));
    return sorted;
  }
}

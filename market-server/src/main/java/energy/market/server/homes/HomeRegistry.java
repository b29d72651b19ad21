package energy.market.server.homes;

import energy.market.model.Policy;
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
  private long lastId;

  /** The result of a registration: the home and the token to give back to it. */
  public record Registration(Home home, String token, boolean resumed) {}

  /**
   * Registers a new home, or resumes one when {@code token} matches the name's earlier token.
   *
   * @throws IllegalArgumentException for a bad name or a missing policy
   * @throws AlreadyExistsException when the name is taken and the token does not match
   */
  public Registration register(String name, Policy policy, String token) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "home name '" + name + "' is not allowed; use 1 to 64 letters, digits, '.', '-' or '_'");
    }
    Home known = byName.get(name);
    if (known != null) {
      if (token == null || token.isEmpty()) {
        throw new AlreadyExistsException(
            "home name '" + name + "' is taken; pass its session token to resume it");
      }
      if (!Tokens.constantTimeEquals(known.tokenHash(), Tokens.hash(token))) {
        throw new UnauthenticatedException("wrong session token for home '" + name + "'");
      }
      return new Registration(known, token, true);
    }
    if (policy == null) {
      throw new IllegalArgumentException(
          "trade policy is missing; allowed: " + Policy.allowedLabels());
    }
    String newToken = Tokens.newToken();
    Home home = new Home(++lastId, name, policy, Tokens.hash(newToken));
    add(home);
    return new Registration(home, newToken, false);
  }

  /** Re-adds a home registered before (when the market resumes from its ledger). */
  public void restore(Home home) {
    add(home);
    lastId = Math.max(lastId, home.id());
  }

  /** Forgets a registration that could not be recorded (its id is not given out again). */
  public void forget(Home home) {
    byId.remove(home.id(), home);
    byName.remove(home.name(), home);
  }

  private void add(Home home) {
    byId.put(home.id(), home);
    byName.put(home.name(), home);
  }

  /**
   * The home with this id, if the token is its token.
   *
   * @throws UnauthenticatedException otherwise, without saying which part was wrong
   */
  public Home authenticate(long homeId, String token) {
    Home home = byId.get(homeId);
    if (home == null
        || token == null
        || !Tokens.constantTimeEquals(home.tokenHash(), Tokens.hash(token))) {
      throw new UnauthenticatedException("unknown home " + homeId + " or wrong session token");
    }
    return home;
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

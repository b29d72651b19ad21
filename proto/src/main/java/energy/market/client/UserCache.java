package energy.market.client;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where energy-market keeps what it can always make again (class-data archives, SQLite's native
 * library): {@code $XDG_CACHE_HOME/energy-market}, else {@code ~/.cache/energy-market}.
 */
public final class UserCache {
  private UserCache() {}

  /** The cache directory of this user; it may not exist yet. */
  public static Path directory() {
    return directory(System.getenv(), System.getProperty("user.home"));
  }

  static Path directory(Map<String, String> environment, String userHome) {
    String xdgCache = environment.get("XDG_CACHE_HOME");
    // The XDG base-directory rules say a relative value is invalid and must be ignored.
    if (xdgCache != null && !xdgCache.isBlank() && Path.of(xdgCache).isAbsolute()) {
      return Path.of(xdgCache, "energy-market");
    }
    return Path.of(userHome, ".cache", "energy-market");
  }
}

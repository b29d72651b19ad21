package energy.market.client;

import java.nio.file.Path;
import java.util.Map;

/** energy-market's directories of this user, by the XDG base-directory rules. */
public final class UserDirectories {
  private UserDirectories() {}

  /**
   * What can always be made again (class-data archives, SQLite's native library): {@code
   * $XDG_CACHE_HOME/energy-market}, else {@code ~/.cache/energy-market}. It may not exist yet.
   */
  public static Path cache() {
    return cache(System.getenv(), System.getProperty("user.home"));
  }

  /**
   * What must be kept (a home's key): {@code $XDG_STATE_HOME/energy-market}, else {@code
   * ~/.local/state/energy-market}. It may not exist yet.
   */
  public static Path state() {
    return state(System.getenv(), System.getProperty("user.home"));
  }

  static Path cache(Map<String, String> environment, String userHome) {
    return ours(environment.get("XDG_CACHE_HOME"), Path.of(userHome, ".cache"));
  }

  static Path state(Map<String, String> environment, String userHome) {
    return ours(environment.get("XDG_STATE_HOME"), Path.of(userHome, ".local", "state"));
  }

  private static Path ours(String variable, Path fallback) {
    // The XDG rules say a relative value is invalid and must be ignored.
    boolean usable = variable != null && !variable.isBlank() && Path.of(variable).isAbsolute();
    return (usable ? Path.of(variable) : fallback).resolve("energy-market");
  }
}

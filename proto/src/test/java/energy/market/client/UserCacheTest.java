package energy.market.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserCacheTest {
  @Test
  void xdgCacheHomeWinsWhenAbsolute() {
    assertEquals(
        Path.of("/var/cache/alice/energy-market"),
        UserCache.directory(Map.of("XDG_CACHE_HOME", "/var/cache/alice"), "/home/alice"));
  }

  @Test
  void withoutItOrWithARelativeOneTheCacheIsUnderHome() {
    Path expected = Path.of("/home/alice/.cache/energy-market");
    assertEquals(expected, UserCache.directory(Map.of(), "/home/alice"));
    assertEquals(expected, UserCache.directory(Map.of("XDG_CACHE_HOME", " "), "/home/alice"));
    assertEquals(
        expected, UserCache.directory(Map.of("XDG_CACHE_HOME", "relative/cache"), "/home/alice"));
  }
}

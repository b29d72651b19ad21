package energy.market.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserDirectoriesTest {
  @Test
  void theXdgVariablesWinWhenAbsolute() {
    Map<String, String> environment =
        Map.of("XDG_CACHE_HOME", "/var/cache/alice", "XDG_STATE_HOME", "/x/state");

    assertEquals(
        Path.of("/var/cache/alice/energy-market"),
        UserDirectories.cache(environment, "/home/alice"));
    assertEquals(
        Path.of("/x/state/energy-market"), UserDirectories.state(environment, "/home/alice"));
  }

  @Test
  void withoutThemOrWithRelativeOnesTheDirectoriesAreUnderHome() {
    Path cache = Path.of("/home/alice/.cache/energy-market");
    Path state = Path.of("/home/alice/.local/state/energy-market");
    for (Map<String, String> environment :
        List.of(
            Map.<String, String>of(),
            Map.of("XDG_CACHE_HOME", " ", "XDG_STATE_HOME", ""),
            Map.of("XDG_CACHE_HOME", "relative/cache", "XDG_STATE_HOME", "relative"))) {
      assertEquals(
          cache, UserDirectories.cache(environment, "/home/alice"), environment.toString());
      assertEquals(
          state, UserDirectories.state(environment, "/home/alice"), environment.toString());
    }
  }
}

package energy.market.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The children of a run start from the roles jar the build made beside the launcher's, and every
 * role works from it: a run of each role on it reaches its second day.
 */
class ChildrenJarIT {
  @TempDir Path dir;

  @Test
  void everyChildRunsFromTheRolesJar() throws Exception {
    try (ChildProcess launcher = Launch.endlessSimulation(dir.resolve("results"), "--homes", "2")) {
      launcher.awaitLine("day 2: price", Await.LONG);
      List<String> classPaths =
          ProcessHandle.of(launcher.pid())
              .orElseThrow()
              .children()
              .map(child -> classPath(child.info().arguments().orElseThrow()))
              .toList();

      // The market, both daemons and the two homes.
      assertEquals(5, classPaths.size(), launcher.transcript());
      for (String classPath : classPaths) {
        assertEquals(
            Path.of("target", "energy-market-roles.jar").toAbsolutePath(),
            Path.of(classPath).toAbsolutePath(),
            launcher.transcript());
      }
    }
  }

  private static String classPath(String[] arguments) {
    List<String> list = List.of(arguments);
    return list.get(list.indexOf("-cp") + 1);
  }
}

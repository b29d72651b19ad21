package energy.market.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import energy.market.testing.Await;
import energy.market.testing.ChildProcess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A launcher killed by SIGKILL cannot stop its children: each of them notices that the launcher is
 * no longer its parent and stops by itself, leaving no process behind.
 */
class LauncherKilledIT {
  @TempDir Path dir;

  @Test
  void everyChildStopsByItselfWhenTheLauncherIsKilled() throws Exception {
    String runId = "it-launcher-killed-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    List<ProcessHandle> children;
    try (ChildProcess launcher =
        Launch.endlessSimulation(dir.resolve("results"), "--homes", "2", "--run-id", runId)) {
      launcher.awaitLine("day 2: price", Await.LONG);
      ProcessHandle process = ProcessHandle.of(launcher.pid()).orElseThrow();
      children = process.children().toList();
      // The market, both daemons and the two homes.
      assertEquals(5, children.size(), launcher.transcript());

      assertTrue(process.destroyForcibly(), "SIGKILL the launcher");

      for (ProcessHandle child : children) {
        Await.until(
            "child " + child.pid() + " stopped after its launcher died",
            () -> !child.isAlive(),
            Await.LONG);
      }
    }
  }
}

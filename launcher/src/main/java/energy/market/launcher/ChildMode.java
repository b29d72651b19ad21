package energy.market.launcher;

import energy.market.launcher.simulate.Simulation;
import java.io.IOException;
import java.io.InputStream;

/**
 * How a role behaves when {@code simulate} started it (the launcher's pid is in {@value
 * Simulation#LAUNCHER_PID_ENV}): it ignores SIGINT and SIGHUP, so that Ctrl-C or a closed terminal
 * reaches only the launcher, which stops the children in order; and it stops by itself when its
 * standard input ends, which happens when the launcher dies, even by SIGKILL, because the launcher
 * holds the other end of that pipe.
 */
final class ChildMode {
  private ChildMode() {}

  /** Applies child mode if this process was started by the launcher. */
  static void applyIfLaunched() {
    String launcher = System.getenv(Simulation.LAUNCHER_PID_ENV);
    if (launcher == null || launcher.isBlank()) {
      return;
    }
    // The terminal sends these to the whole process group; the launcher alone acts on them.
    SignalTrap.handle("INT", () -> {});
    SignalTrap.handle("HUP", () -> {});
    Thread watcher =
        new Thread(
            () -> {
              waitForEndOfInput(System.in);
              System.err.println(
                  "energy-market: the launcher (pid " + launcher.trim() + ") is gone; stopping");
              System.exit(1);
            },
            "launcher-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static void waitForEndOfInput(InputStream in) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // The launcher never writes; anything read is ignored.
      }
    } catch (IOException e) {
      // A broken pipe is an end too.
    }
  }
}

package energy.market.launcher;

import energy.market.launcher.simulate.Simulation;

/**
 * How a role behaves when a launcher ({@code simulate}, {@code sweep}) started it (the launcher's
 * pid is in {@value Simulation#LAUNCHER_PID_ENV}): it stops by itself once the launcher is no
 * longer its parent, which happens when the launcher dies, even by SIGKILL: the system hands its
 * orphans to another process. (Ctrl-C and a closed terminal reach only the launcher: it starts its
 * children with SIGINT and SIGHUP ignored, see {@link TerminalSignals}.)
 *
 * <p>Why watch the parent rather than wait for the end of standard input (the pipe the launcher
 * holds): a thread blocked reading a pipe is inside a native call, and on JDK 17 every exit of the
 * process then waits 300 ms for it. A look at the parent every {@value #WATCH_MILLIS} ms costs
 * little (see {@link #WATCH_MILLIS}) and never blocks the exit.
 */
final class ChildMode {
  /**
   * How often the parent is looked at: each look costs about 0.1 ms of CPU (two reads of {@code
   * /proc}, interpreted), which at 200 ms was about a fortieth of a ten-home process's CPU over a
   * run's days (async-profiler, 100 processes); a child of a killed launcher now stops within a
   * second.
   */
  static final long WATCH_MILLIS = 1_000;

  private ChildMode() {}

  /** Applies child mode if this process was started by the launcher. */
  static void applyIfLaunched() {
    String launcher = System.getenv(Simulation.LAUNCHER_PID_ENV);
    if (launcher == null || launcher.isBlank()) {
      return;
    }
    long launcherPid;
    try {
      launcherPid = Long.parseLong(launcher.trim());
    } catch (NumberFormatException e) {
      return;
    }
    Thread watcher =
        new Thread(
            () -> {
              try {
                while (isParent(launcherPid)) {
                  Thread.sleep(WATCH_MILLIS);
                }
              } catch (InterruptedException e) {
                return;
              }
              System.err.println(
                  "energy-market: the launcher (pid " + launcherPid + ") is gone; stopping");
              System.exit(1);
            },
            "launcher-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static boolean isParent(long pid) {
    return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == pid;
  }
}
